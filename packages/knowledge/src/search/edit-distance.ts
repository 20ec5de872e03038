/**
 * Whether two words are at most `limit` edits apart (insertions, deletions,
 * substitutions, and swaps of neighbouring letters), without computing the
 * whole distance: the band beyond `limit` is never filled.
 */
export function withinEdits(left: string, right: string, limit: number): boolean {
  if (Math.abs(left.length - right.length) > limit) return false;
  if (left === right) return true;
  const width = right.length + 1;
  let beforePrevious = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_value, index) => index);
  let current = new Array<number>(width).fill(0);
  for (let row = 1; row <= left.length; row += 1) {
    current[0] = row;
    let rowMinimum = row;
    for (let column = 1; column <= right.length; column += 1) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      let value = Math.min(
        (previous[column] as number) + 1,
        (current[column - 1] as number) + 1,
        (previous[column - 1] as number) + cost,
      );
      if (
        row > 1 &&
        column > 1 &&
        left[row - 1] === right[column - 2] &&
        left[row - 2] === right[column - 1]
      ) {
        value = Math.min(value, (beforePrevious[column - 2] as number) + 1);
      }
      current[column] = value;
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return false;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return (previous[right.length] as number) <= limit;
}
