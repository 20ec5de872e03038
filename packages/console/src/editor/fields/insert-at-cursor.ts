/**
 * Puts text where the admin's cursor was (replacing what they had selected) and says where the
 * cursor goes next: right after the inserted text, so they can keep typing.
 */
export function insertAtCursor(
  text: string,
  insertion: string,
  selectionStart: number,
  selectionEnd: number = selectionStart,
): { text: string; cursor: number } {
  const start = Math.max(0, Math.min(selectionStart, text.length));
  const end = Math.max(start, Math.min(selectionEnd, text.length));
  return { text: text.slice(0, start) + insertion + text.slice(end), cursor: start + insertion.length };
}

/** `{{customer.name}}`: the placeholder syntax of the model's text templates (text-template.ts). */
export function placeholderFor(root: string, path: string): string {
  return `{{${root}.${path}}}`;
}
