import type { KnowledgeArticle } from "@parley/knowledge";
import { createSeededRandom } from "@parley/nlu";

const syllables = [
  "ba",
  "ce",
  "di",
  "fo",
  "gu",
  "ha",
  "je",
  "ki",
  "lo",
  "mu",
  "na",
  "pe",
  "qui",
  "ro",
  "su",
  "ta",
  "ve",
  "wo",
  "xa",
  "ze",
  "tr",
  "st",
  "pl",
  "an",
  "or",
  "el",
];

/**
 * A vocabulary of the real words given plus made-up ones, in a random order
 * that becomes their frequency rank: drawn with Zipf's law, a few words are
 * everywhere and most are rare, as in real help centers.
 */
function vocabulary(realWords: readonly string[], size: number, random: () => number): string[] {
  const words = new Set(realWords);
  while (words.size < size) {
    const length = 2 + Math.floor(random() * 3);
    let word = "";
    for (let index = 0; index < length; index += 1)
      word += syllables[Math.floor(random() * syllables.length)];
    words.add(word);
  }
  const list = [...words];
  for (let index = list.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [list[index], list[other]] = [list[other] as string, list[index] as string];
  }
  return list;
}

function zipfSampler(count: number, random: () => number): () => number {
  const cumulative = new Float64Array(count);
  let sum = 0;
  for (let rank = 0; rank < count; rank += 1) {
    sum += 1 / (rank + 1);
    cumulative[rank] = sum;
  }
  return () => {
    const target = random() * sum;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

export interface GeneratedCorpus {
  articles: KnowledgeArticle[];
  queries: string[];
}

/**
 * `count` articles of 120 to 500 words in paragraphs, titled with 4 to 10
 * words, and questions made of words of a random article (some with a typo),
 * for measuring search time and memory at a size no sample help center has.
 */
export function generateArticles(count: number, realWords: readonly string[], seed: number): GeneratedCorpus {
  const random = createSeededRandom(seed);
  const words = vocabulary(realWords, 40_000, random);
  const draw = zipfSampler(words.length, random);
  const phrase = (length: number) => Array.from({ length }, () => words[draw()] as string).join(" ");
  const articles: KnowledgeArticle[] = [];
  for (let index = 0; index < count; index += 1) {
    const paragraphs: string[] = [];
    let remaining = 120 + Math.floor(random() * 380);
    while (remaining > 0) {
      const length = Math.min(remaining, 40 + Math.floor(random() * 40));
      paragraphs.push(`${phrase(length)}.`);
      remaining -= length;
    }
    articles.push({
      id: `generated-${index}`,
      title: phrase(4 + Math.floor(random() * 7)),
      text: paragraphs.join("\n\n"),
      language: "en",
      url: `https://help.example.com/articles/generated-${index}`,
    });
  }
  const queries = Array.from({ length: 1000 }, () => {
    const article = articles[Math.floor(random() * articles.length)] as KnowledgeArticle;
    const pool = `${article.title} ${article.text}`.split(/\s+/);
    const picked = Array.from(
      { length: 3 + Math.floor(random() * 6) },
      () => pool[Math.floor(random() * pool.length)] as string,
    );
    const typo = Math.floor(random() * picked.length);
    if (random() < 0.3 && (picked[typo]?.length ?? 0) > 5) picked[typo] = (picked[typo] as string).slice(1);
    return picked.join(" ").replace(/\./g, "");
  });
  return { articles, queries };
}
