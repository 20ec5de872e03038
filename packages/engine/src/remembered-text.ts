/**
 * Customer text the engine keeps (in state or attributes) is cut to this length;
 * the transcript keeps the whole message. A pasted novel must not bloat the state.
 */
export const maxRememberedTextLength = 4000;

export function rememberedText(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > maxRememberedTextLength ? trimmed.slice(0, maxRememberedTextLength) : trimmed;
}
