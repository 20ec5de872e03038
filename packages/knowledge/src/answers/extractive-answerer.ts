import type { AnswerProvider, AnswerRequest, Citation, GroundedAnswer, SearchHit } from "../types.ts";
import { leadInMessage, refusalMessage } from "./answer-messages.ts";
import {
  type CandidateSentence,
  candidateSentences,
  compareArticleOrder,
  defaultSelectionLimits,
  type SelectionLimits,
  scoreCandidates,
  selectSentences,
  stemsOf,
} from "./sentence-selection.ts";

export const extractiveProviderName = "extractive";

/**
 * Other hits are quoted only when nearly as good as the best one: a second
 * article that merely mentions the topic would water the answer down.
 * Relevance alone does not tell them apart (a well-understood question
 * makes most articles that share its words look relevant), so the ranking
 * score, comparable within one search, must be close too.
 */
const secondaryHitShareOfBestRelevance = 0.8;
const secondaryHitShareOfBestScore = 0.85;
const maximumHitsQuoted = 3;

export interface ExtractiveAnswererOptions {
  limits?: Partial<SelectionLimits>;
}

/**
 * The offline answer provider: quotes the help center's own sentences,
 * chosen for the words they share with the question, and writes nothing
 * of its own but a lead-in. It needs no model and no network, so every
 * installation can answer from day one; it cannot rephrase, so its answers
 * read as excerpts.
 */
export function createExtractiveAnswerer(options: ExtractiveAnswererOptions = {}): AnswerProvider {
  const limits = { ...defaultSelectionLimits, ...options.limits };
  return {
    name: extractiveProviderName,
    answer: async (request) => answerExtractively(request, limits),
  };
}

function answerExtractively(request: AnswerRequest, limits: SelectionLimits): GroundedAnswer {
  const refusal: GroundedAnswer = {
    found: false,
    text: refusalMessage(request.language),
    citations: [],
    provider: extractiveProviderName,
  };
  const hits = hitsToQuote(request.search.hits);
  if (!request.search.relevant || hits.length === 0) return refusal;
  const candidates = candidateSentences(hits, request.language, limits.passagesPerHit);
  const scores = scoreCandidates(candidates, request.question, request.language);
  let selected = selectSentences(candidates, scores, limits);
  // Search found the article relevant through its title ("Returns policy"
  // for "returns?") but no sentence shares a word with the question: the
  // best passage is then the likely answer, and still only the article's
  // own words. Without even that link, refuse.
  if (selected.length === 0 && sharesAWord(request.question, hits[0]?.title ?? "", request.language)) {
    selected = openingOfBestPassage(candidates, limits);
  }
  if (selected.length === 0) return refusal;
  return {
    found: true,
    text: `${leadInMessage(request.language)}\n\n${quotedText(selected)}`,
    citations: citationsOf(selected),
    provider: extractiveProviderName,
  };
}

function sharesAWord(question: string, title: string, language: string): boolean {
  const titleStems = stemsOf(title, language);
  return [...stemsOf(question, language)].some((stem) => titleStems.has(stem));
}

function hitsToQuote(hits: readonly SearchHit[]): SearchHit[] {
  const best = hits[0];
  if (!best) return [];
  const nearlyAsGood = (hit: SearchHit) =>
    best.relevance > 0 &&
    hit.relevance >= best.relevance * secondaryHitShareOfBestRelevance &&
    (best.score <= 0 || hit.score >= best.score * secondaryHitShareOfBestScore);
  return hits.slice(0, maximumHitsQuoted).filter((hit, rank) => rank === 0 || nearlyAsGood(hit));
}

/** The first sentences of the best hit's best passage, within the limits; a list there is skipped, not cut. */
function openingOfBestPassage(
  candidates: readonly CandidateSentence[],
  limits: SelectionLimits,
): CandidateSentence[] {
  const opening: CandidateSentence[] = [];
  let characters = 0;
  const inBestPassage = candidates
    .filter((candidate) => candidate.hitRank === 0 && candidate.passageRank === 0)
    .sort(compareArticleOrder);
  for (const candidate of inBestPassage) {
    if (candidate.sentence.kind === "list-item" || candidate.sentence.introducesList !== undefined) continue;
    if (opening.length >= 2 || characters + candidate.sentence.text.length > limits.maximumCharacters) break;
    opening.push(candidate);
    characters += candidate.sentence.text.length;
  }
  return opening;
}

/**
 * The quoted sentences as the article has them: sentences of one paragraph
 * run on (with an ellipsis where sentences were left out), list items keep
 * a line each, paragraphs and articles are set apart by a blank line.
 */
function quotedText(selected: readonly CandidateSentence[]): string {
  let text = "";
  let previous: CandidateSentence | undefined;
  for (const current of selected) {
    if (previous) text += separatorBetween(previous, current);
    text += current.sentence.text;
    previous = current;
  }
  return text;
}

function separatorBetween(previous: CandidateSentence, current: CandidateSentence): string {
  if (previous.hitRank !== current.hitRank || previous.section !== current.section) return "\n\n";
  if (current.sentence.list !== undefined && previous.sentence.introducesList === current.sentence.list) {
    return "\n";
  }
  if (previous.sentence.paragraph !== current.sentence.paragraph) return "\n\n";
  if (previous.sentence.kind === "list-item" || current.sentence.kind === "list-item") return "\n";
  // Sentences skipped in between are marked, as in any honest quotation.
  return current.position === previous.position + 1 ? " " : " … ";
}

/** One citation per article quoted, in the order they are quoted. */
function citationsOf(selected: readonly CandidateSentence[]): Citation[] {
  const citations = new Map<string, Citation>();
  for (const { hit } of selected) {
    if (!citations.has(hit.articleId)) {
      citations.set(hit.articleId, { articleId: hit.articleId, title: hit.title, url: hit.url });
    }
  }
  return [...citations.values()];
}
