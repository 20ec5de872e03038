/**
 * PostgreSQL's jsonb refuses the NUL character and unpaired surrogates, which a
 * customer's client can send in valid JSON. Stored text drops NUL and replaces
 * unpaired surrogates with U+FFFD, so hostile input cannot fail a turn.
 */
export function storableJson<Value>(value: Value): Value {
  if (typeof value === "string") return storableText(value) as Value;
  if (Array.isArray(value)) return value.map(storableJson) as Value;
  if (value !== null && typeof value === "object") {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[storableText(key)] = storableJson(item);
    return copy as Value;
  }
  return value;
}

function storableText(text: string): string {
  const wellFormed = text.isWellFormed() ? text : text.toWellFormed();
  return wellFormed.includes("\u0000") ? wellFormed.replaceAll("\u0000", "") : wellFormed;
}
