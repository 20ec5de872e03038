/** One value that differs between two JSON documents. `from` or `to` is absent where the field is. */
export interface ValueChange {
  /** JSON pointer (RFC 6901), relative to what was compared. */
  path: string;
  from?: unknown;
  to?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function escapeSegment(segment: string | number): string {
  return String(segment).replaceAll("~", "~0").replaceAll("/", "~1");
}

export function pointerOf(base: string, ...segments: (string | number)[]): string {
  return base + segments.map((segment) => `/${escapeSegment(segment)}`).join("");
}

export function jsonEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((item, index) => jsonEqual(item, right[index]));
  }
  if (isRecord(left) && isRecord(right)) {
    const leftKeys = Object.keys(left).filter((key) => left[key] !== undefined);
    const rightKeys = Object.keys(right).filter((key) => right[key] !== undefined);
    return leftKeys.length === rightKeys.length && leftKeys.every((key) => jsonEqual(left[key], right[key]));
  }
  return false;
}

/**
 * The leaves that differ between two JSON values, as pointers. Lists are
 * compared position by position: the lists this is used on (buttons,
 * conditions, intents) are short, and a position is what an editor shows.
 */
export function diffValues(from: unknown, to: unknown, base = ""): ValueChange[] {
  if (jsonEqual(from, to)) return [];
  if (Array.isArray(from) && Array.isArray(to)) {
    const changes: ValueChange[] = [];
    for (let index = 0; index < Math.max(from.length, to.length); index += 1) {
      const path = pointerOf(base, index);
      if (index >= to.length) changes.push({ path, from: from[index] });
      else if (index >= from.length) changes.push({ path, to: to[index] });
      else changes.push(...diffValues(from[index], to[index], path));
    }
    return changes;
  }
  if (isRecord(from) && isRecord(to)) {
    const changes: ValueChange[] = [];
    const keys = [...Object.keys(from), ...Object.keys(to).filter((key) => !Object.hasOwn(from, key))];
    for (const key of keys) {
      const path = pointerOf(base, key);
      const left = from[key];
      const right = to[key];
      if (left === undefined && right === undefined) continue;
      if (right === undefined) changes.push({ path, from: left });
      else if (left === undefined) changes.push({ path, to: right });
      else changes.push(...diffValues(left, right, path));
    }
    return changes;
  }
  return [{ path: base, from, to }];
}

/**
 * The items of `from` kept in order by the longest common subsequence with
 * `to`; the rest of the shared items are the ones that moved.
 */
export function longestCommonSubsequence(from: readonly string[], to: readonly string[]): Set<string> {
  const lengths: number[][] = Array.from({ length: from.length + 1 }, () =>
    new Array<number>(to.length + 1).fill(0),
  );
  for (let left = from.length - 1; left >= 0; left -= 1) {
    for (let right = to.length - 1; right >= 0; right -= 1) {
      const row = lengths[left] as number[];
      const below = lengths[left + 1] as number[];
      row[right] =
        from[left] === to[right]
          ? (below[right + 1] as number) + 1
          : Math.max(below[right] as number, row[right + 1] as number);
    }
  }
  const kept = new Set<string>();
  let left = 0;
  let right = 0;
  while (left < from.length && right < to.length) {
    if (from[left] === to[right]) {
      kept.add(from[left] as string);
      left += 1;
      right += 1;
    } else if ((lengths[left + 1]?.[right] ?? 0) >= (lengths[left]?.[right + 1] ?? 0)) {
      left += 1;
    } else {
      right += 1;
    }
  }
  return kept;
}
