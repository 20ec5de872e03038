export const defaultAccentColor = "#4f46e5";

/** A `#rgb` or `#rrggbb` colour from the brand settings, or the default for anything else. */
export function accentColor(value: string | undefined): string {
  if (value && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value.trim())) {
    const hex = value.trim().toLowerCase();
    return hex.length === 4 ? `#${[...hex.slice(1)].map((digit) => digit + digit).join("")}` : hex;
  }
  return defaultAccentColor;
}

function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [red = 0, green = 0, blue = 0] = channels.map((channel) =>
    channel <= 0.040_45 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/** The WCAG contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a);
  return ((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05);
}

/**
 * White or near-black text, whichever reads better on the brand's accent:
 * brands pick any colour, and the text on the launcher, the header and the
 * customer's messages must stay legible.
 */
export function textColorOn(background: string): string {
  const light = "#ffffff";
  const dark = "#111827";
  return contrastRatio(background, light) >= contrastRatio(background, dark) ? light : dark;
}
