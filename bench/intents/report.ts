import { table } from "../../packages/cli/src/intents/evaluation-table.ts";
export function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

export function milliseconds(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(2);
}

/** Left-aligned columns, as `parley intents eval` prints them. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return table(header, rows).join("\n");
}
