/**
 * An optional hook for an outside sentence encoder. The package computes no
 * embeddings (it stays pure and offline); a caller that has them passes the
 * phrases' vectors at training time and the text's vector at classification
 * time, and the cosine similarity to an intent's nearest phrase is blended
 * into its score.
 */

export interface StoredSemanticSignal {
  dimensions: number;
  /** Unit-length vectors of the training phrases that had one. */
  phrases: { intent: number; vector: number[] }[];
}

function unit(vector: readonly number[]): number[] | null {
  let squared = 0;
  for (const value of vector) {
    if (typeof value !== "number" || !Number.isFinite(value)) return null;
    squared += value * value;
  }
  if (squared === 0) return null;
  const norm = Math.sqrt(squared);
  return vector.map((value) => value / norm);
}

function lookup(
  vectors: ReadonlyMap<string, readonly number[]> | Readonly<Record<string, readonly number[]>>,
  phrase: string,
): readonly number[] | undefined {
  if (vectors instanceof Map) return vectors.get(phrase);
  const record = vectors as Readonly<Record<string, readonly number[]>>;
  return Object.hasOwn(record, phrase) ? record[phrase] : undefined;
}

/** Keeps the vectors of the phrases that have one of a consistent size; null when none has. */
export function trainSemanticSignal(
  phrasesByIntent: readonly (readonly string[])[],
  vectors: ReadonlyMap<string, readonly number[]> | Readonly<Record<string, readonly number[]>>,
): StoredSemanticSignal | null {
  const phrases: StoredSemanticSignal["phrases"] = [];
  let dimensions = 0;
  phrasesByIntent.forEach((list, intent) => {
    for (const phrase of list) {
      const raw = lookup(vectors, phrase);
      if (!raw || (dimensions !== 0 && raw.length !== dimensions)) continue;
      const vector = unit(raw);
      if (!vector) continue;
      dimensions = vector.length;
      phrases.push({ intent, vector });
    }
  });
  return phrases.length > 0 ? { dimensions, phrases } : null;
}

/** Per intent, the cosine of the text's vector to its nearest phrase, clipped to [0, 1]; null if unusable. */
export function semanticSimilarities(
  signal: StoredSemanticSignal,
  textVector: readonly number[],
  intentCount: number,
): Float64Array | null {
  if (textVector.length !== signal.dimensions) return null;
  const query = unit(textVector);
  if (!query) return null;
  const result = new Float64Array(intentCount);
  for (const phrase of signal.phrases) {
    let dot = 0;
    for (let index = 0; index < query.length; index += 1) {
      dot += (query[index] as number) * (phrase.vector[index] as number);
    }
    if (dot > (result[phrase.intent] as number)) result[phrase.intent] = Math.min(1, dot);
  }
  return result;
}
