/** RFC 6901: "~" and "/" inside a segment are written "~0" and "~1". */
function escapeSegment(segment: PropertyKey): string {
  return String(segment).replaceAll("~", "~0").replaceAll("/", "~1");
}

export function toPointer(segments: readonly PropertyKey[]): string {
  return segments.map((segment) => `/${escapeSegment(segment)}`).join("");
}

export function childPointer(base: string, ...segments: readonly PropertyKey[]): string {
  return base + toPointer(segments);
}

/** True when `pointer` is `ancestor` or lies inside it. */
export function isWithin(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}
