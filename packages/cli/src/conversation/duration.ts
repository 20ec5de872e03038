const unitMilliseconds: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** The longest wait the harness accepts: a year is more than any timer of an assistant. */
const maxMilliseconds = 366 * 86_400_000;

/**
 * Reads a wait such as `6m`, `30s`, `2h`, `1h30m` or `90` (a bare number is
 * seconds, the unit people most often mean). Returns null when it is not a
 * duration, so each caller can word the error for its own input.
 */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return checked(Number(trimmed) * 1000);
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join("") !== trimmed.replace(/\s+/g, "")) {
    return null;
  }
  let total = 0;
  for (const part of parts) total += Number(part[1]) * (unitMilliseconds[part[2] ?? ""] ?? 0);
  return checked(total);
}

function checked(milliseconds: number): number | null {
  if (!Number.isFinite(milliseconds) || milliseconds < 0 || milliseconds > maxMilliseconds) return null;
  return Math.round(milliseconds);
}

export const durationHelp = "a duration such as 30s, 6m, 2h or 90 (seconds)";
