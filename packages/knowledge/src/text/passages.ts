/** Passages longer than this many words are cut at sentence ends, so a snippet or a quote stays on one point. */
const passageWordLimit = 90;

const sentenceEnd = /(?<=[.!?])\s+(?=[\p{Lu}\p{N}"“(])/u;

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== "").length;
}

/** Cuts a long paragraph into runs of whole sentences of at most `passageWordLimit` words. */
function cutParagraph(paragraph: string): string[] {
  if (wordCount(paragraph) <= passageWordLimit) return [paragraph];
  const pieces: string[] = [];
  let current = "";
  for (const sentence of paragraph.split(sentenceEnd)) {
    const joined = current === "" ? sentence : `${current} ${sentence}`;
    if (current !== "" && wordCount(joined) > passageWordLimit) {
      pieces.push(current);
      current = sentence;
    } else {
      current = joined;
    }
  }
  if (current !== "") pieces.push(current);
  return pieces;
}

/**
 * An article's text as passages: its paragraphs (separated by blank lines),
 * long ones cut at sentence ends. A list stays with the line that introduces
 * it, since "To start a return:" means little without its steps.
 */
export function splitPassages(text: string): string[] {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "");
  const merged: string[] = [];
  for (const paragraph of paragraphs) {
    const previous = merged[merged.length - 1];
    const isList = /^\s*(?:[-*•]|\d+[.)])\s/.test(paragraph);
    if (previous !== undefined && isList && /:\s*$|^\s*(?:[-*•]|\d+[.)])\s/m.test(previous)) {
      merged[merged.length - 1] = `${previous}\n${paragraph}`;
    } else {
      merged.push(paragraph);
    }
  }
  return merged.flatMap(cutParagraph);
}
