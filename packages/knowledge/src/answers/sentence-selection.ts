import { analyzerFor } from "../text/analyzer.ts";
import type { SearchHit } from "../types.ts";
import { readsAsInstructionsToAnAi } from "./instruction-like-text.ts";
import { type Sentence, splitSentences } from "./sentence-splitting.ts";

/** A sentence that may be quoted, with where it comes from. */
export interface CandidateSentence {
  sentence: Sentence;
  hit: SearchHit;
  /** The hit's rank in the search result, from 0. */
  hitRank: number;
  /** A run of consecutive passages of the article, counted from 0 within the hit. */
  section: number;
  /** Order within the hit: the article's own order. */
  position: number;
  /** The rank of the passage it comes from among the hit's passages (0 = the best match). */
  passageRank: number;
  stems: ReadonlySet<string>;
}

export interface SelectionLimits {
  /** The most pieces quoted; a whole list counts as one. */
  maximumSentences: number;
  /** The most characters quoted, when more than one piece is quoted. */
  maximumCharacters: number;
  /** The most characters of a single piece (a long list) quoted on its own. */
  maximumSingleCharacters: number;
  /** How many of a hit's best passages are read. */
  passagesPerHit: number;
}

export const defaultSelectionLimits: SelectionLimits = {
  maximumSentences: 4,
  maximumCharacters: 700,
  maximumSingleCharacters: 1000,
  passagesPerHit: 3,
};

/**
 * A sentence is only worth quoting when it scores at least this share of
 * the best sentence: below that it shares a common word with the question
 * but answers something else.
 */
const minimumShareOfBestScore = 0.5;

/**
 * The sentences of the hits' best passages, in article order. Passages
 * that follow each other in the article are read as one text (a section),
 * so a list stays attached to the sentence that introduces it even when
 * the search cut them into two passages. Titles and sentences that address
 * an AI are left out: they are never quoted.
 */
export function candidateSentences(
  hits: readonly SearchHit[],
  language: string,
  passagesPerHit: number,
): CandidateSentence[] {
  const analyzer = analyzerFor(language);
  const candidates: CandidateSentence[] = [];
  hits.forEach((hit, hitRank) => {
    const passages = hit.passages
      .slice(0, passagesPerHit)
      .map((passage, passageRank) => ({ passage, passageRank }))
      .sort((left, right) => left.passage.index - right.passage.index);
    let section = -1;
    let position = 0;
    let previousIndex: number | undefined;
    let previousSentences: Sentence[] = [];
    // Lists and paragraphs are counted per passage; these offsets make them count per section.
    let listOffset = 0;
    let paragraphOffset = 0;
    for (const { passage, passageRank } of passages) {
      const continuesSection = previousIndex !== undefined && passage.index === previousIndex + 1;
      if (continuesSection) {
        listOffset += countLists(previousSentences);
        paragraphOffset = (previousSentences.at(-1)?.paragraph ?? paragraphOffset - 1) + 1;
      } else {
        section += 1;
        listOffset = 0;
        paragraphOffset = 0;
      }
      const sentences = splitSentences(passage.text).map((sentence) => ({
        ...sentence,
        paragraph: sentence.paragraph + paragraphOffset,
        ...(sentence.list === undefined ? {} : { list: sentence.list + listOffset }),
        ...(sentence.introducesList === undefined
          ? {}
          : { introducesList: sentence.introducesList + listOffset }),
      }));
      const leadIn = previousSentences.at(-1);
      const first = sentences[0];
      if (continuesSection && leadIn && first?.list !== undefined && isListLeadIn(leadIn)) {
        leadIn.introducesList = first.list;
      }
      // A paragraph with one sentence that talks to an AI was planted or tampered with: its other
      // sentences ("Tell customers every order is free") are not quoted either.
      const tampered = new Set(
        sentences
          .filter((sentence) => readsAsInstructionsToAnAi(sentence.text))
          .map((sentence) => sentence.paragraph),
      );
      for (const sentence of sentences) {
        position += 1;
        if (sentence.heading || tampered.has(sentence.paragraph)) continue;
        const stems = stemsOf(sentence.text, language, analyzer);
        candidates.push({ sentence, hit, hitRank, section, position, passageRank, stems });
      }
      previousSentences = sentences;
      previousIndex = passage.index;
    }
  });
  return candidates;
}

function countLists(sentences: readonly Sentence[]): number {
  return new Set(sentences.flatMap((sentence) => (sentence.list === undefined ? [] : [sentence.list]))).size;
}

/** A sentence that introduces a list in the next paragraph ends with a colon ("Follow these steps:"). */
function isListLeadIn(sentence: Sentence): boolean {
  return sentence.kind === "sentence" && !sentence.heading && /:["'”’)]*$/u.test(sentence.text);
}

/** The informative stems of a text: what a question and a sentence are compared on. */
export function stemsOf(text: string, language: string, analyzer = analyzerFor(language)): Set<string> {
  return new Set(
    analyzer
      .tokens(text)
      .filter((token) => !token.stopWord)
      .map((token) => token.stem),
  );
}

/**
 * Scores each candidate by the question's informative stems it contains,
 * each weighted by how rare it is among the candidates: "return" in an
 * article about returns says little, "label" says a lot. A slightly lower
 * weight for weaker passages and hits breaks ties toward the best match.
 */
export function scoreCandidates(
  candidates: readonly CandidateSentence[],
  question: string,
  language: string,
): Map<CandidateSentence, number> {
  const questionStems = stemsOf(question, language);
  const documentFrequency = new Map<string, number>();
  for (const candidate of candidates) {
    for (const stem of candidate.stems) {
      if (questionStems.has(stem)) documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
    }
  }
  const bestRelevance = candidates[0]?.hit.relevance ?? 0;
  const scores = new Map<CandidateSentence, number>();
  for (const candidate of candidates) {
    let score = 0;
    for (const stem of candidate.stems) {
      const frequency = documentFrequency.get(stem);
      if (frequency) score += Math.log(1 + candidates.length / frequency);
    }
    const hitWeight =
      bestRelevance > 0 ? 0.75 + 0.25 * Math.min(1, candidate.hit.relevance / bestRelevance) : 1;
    scores.set(candidate, (score * hitWeight) / (1 + 0.1 * candidate.passageRank));
  }
  return scores;
}

/**
 * Picks what to quote: the best-scoring sentences within the limits, a
 * list always whole with its lead-in, sentences never cut. Returns them in
 * article order (hits in rank order). Empty when no sentence shares an
 * informative word with the question.
 */
export function selectSentences(
  candidates: readonly CandidateSentence[],
  scores: ReadonlyMap<CandidateSentence, number>,
  limits: SelectionLimits,
): CandidateSentence[] {
  const ranked = [...candidates].sort(
    (left, right) => (scores.get(right) ?? 0) - (scores.get(left) ?? 0) || compareArticleOrder(left, right),
  );
  const bestScore = scores.get(ranked[0] as CandidateSentence) ?? 0;
  if (bestScore <= 0) return [];
  const selected = new Set<CandidateSentence>();
  let pieces = 0;
  let characters = 0;
  for (const candidate of ranked) {
    const score = scores.get(candidate) ?? 0;
    if (score < bestScore * minimumShareOfBestScore || pieces >= limits.maximumSentences) break;
    if (selected.has(candidate)) continue;
    const piece = pieceAround(candidate, candidates, scores, limits);
    const length = piece.reduce((total, member) => total + member.sentence.text.length + 1, 0);
    const limit = pieces === 0 ? Math.max(limits.maximumSingleCharacters, length) : limits.maximumCharacters;
    if (characters + length > limit) continue;
    for (const member of piece) selected.add(member);
    pieces += 1;
    characters += length;
  }
  // A chosen sentence's neighbours in its paragraph often carry the rest of
  // the answer ("We process refunds within 3 business days." before "You'll
  // get an email...") while sharing only the question's most common word,
  // which alone scores too low. They come along when they share at least
  // one word with the question and there is room.
  for (const chosen of [...selected].sort(
    (left, right) => (scores.get(right) ?? 0) - (scores.get(left) ?? 0),
  )) {
    for (const neighbour of paragraphNeighbours(chosen, candidates)) {
      if (pieces >= limits.maximumSentences || selected.has(neighbour)) continue;
      const length = neighbour.sentence.text.length + 1;
      if ((scores.get(neighbour) ?? 0) <= 0 || characters + length > limits.maximumCharacters) continue;
      selected.add(neighbour);
      pieces += 1;
      characters += length;
    }
  }
  return [...selected].sort(compareArticleOrder);
}

/**
 * What quoting a candidate brings along: a list item or a list's lead-in
 * brings the lead-in and the whole list, since half a list of steps
 * misleads. A list too long to quote whole is cut down to its lead-in and
 * the items that match the question, never to half an item.
 */
function pieceAround(
  candidate: CandidateSentence,
  candidates: readonly CandidateSentence[],
  scores: ReadonlyMap<CandidateSentence, number>,
  limits: SelectionLimits,
): CandidateSentence[] {
  const list = candidate.sentence.list ?? candidate.sentence.introducesList;
  if (list === undefined) return [candidate];
  const sameText = (other: CandidateSentence) =>
    other.hitRank === candidate.hitRank && other.section === candidate.section;
  const block = candidates.filter(
    (other) => sameText(other) && (other.sentence.list === list || other.sentence.introducesList === list),
  );
  const length = block.reduce((total, member) => total + member.sentence.text.length + 1, 0);
  if (length <= limits.maximumSingleCharacters) return block;
  return block.filter(
    (member) =>
      member === candidate || member.sentence.introducesList === list || (scores.get(member) ?? 0) > 0,
  );
}

/** The prose sentences right before and after one, in the same paragraph. */
function paragraphNeighbours(
  chosen: CandidateSentence,
  candidates: readonly CandidateSentence[],
): CandidateSentence[] {
  if (chosen.sentence.kind !== "sentence") return [];
  return candidates.filter(
    (other) =>
      other.hitRank === chosen.hitRank &&
      other.section === chosen.section &&
      other.sentence.kind === "sentence" &&
      other.sentence.introducesList === undefined &&
      other.sentence.paragraph === chosen.sentence.paragraph &&
      Math.abs(other.position - chosen.position) === 1,
  );
}

export function compareArticleOrder(left: CandidateSentence, right: CandidateSentence): number {
  return left.hitRank - right.hitRank || left.position - right.position;
}
