/**
 * An id for a new button, option or branch: unique among its siblings (validation requires it) and
 * readable in exports, like the ids the model's templates write (`option-3`).
 */
export function nextChildId(prefix: string, siblings: readonly { id: string }[]): string {
  const taken = new Set(siblings.map((sibling) => sibling.id));
  let number = siblings.length + 1;
  while (taken.has(`${prefix}-${number}`)) number += 1;
  return `${prefix}-${number}`;
}
