import { Badge, Table, Text } from "@mantine/core";
import { strings } from "../strings/index.ts";
import { pointerLabel, valueText } from "./change-text.ts";
import type { ValueChange } from "./versions-api.ts";

const text = strings.versions.compare;

export type ChangeKind = "added" | "removed" | "renamed" | "moved" | "changed";

export interface ChangeRow {
  kind: ChangeKind;
  what: string;
  before?: string;
  after?: string;
}

const colors: Record<ChangeKind, string> = {
  added: "green",
  removed: "red",
  renamed: "blue",
  moved: "blue",
  changed: "yellow",
};

/** Value changes as rows: a field that only one side has was added or removed. */
export function valueChangeRows(changes: readonly ValueChange[], prefix = ""): ChangeRow[] {
  return changes.map((change) => {
    const label = pointerLabel(change.path);
    const what = prefix ? (label ? `${prefix} › ${label}` : prefix) : label;
    if (!("from" in change) || change.from === undefined)
      return { kind: "added", what, after: valueText(change.to) };
    if (!("to" in change) || change.to === undefined)
      return { kind: "removed", what, before: valueText(change.from) };
    return { kind: "changed", what, before: valueText(change.from), after: valueText(change.to) };
  });
}

/** What changed, before and after, one row a change; the values are text, never markup. */
export function ChangeTable({ rows, caption }: { rows: readonly ChangeRow[]; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" layout="fixed" captionSide="top">
        <Table.Caption style={{ textAlign: "left", fontWeight: 600, color: "var(--mantine-color-text)" }}>
          {caption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>{text.columns.change}</Table.Th>
            <Table.Th w="34%">{text.columns.what}</Table.Th>
            <Table.Th>{text.columns.before}</Table.Th>
            <Table.Th>{text.columns.after}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the rows are a fixed list for one comparison.
            <Table.Tr key={index}>
              <Table.Td>
                <Badge variant="light" color={colors[row.kind]}>
                  {text[row.kind]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {row.what}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={row.before ? undefined : "dimmed"} style={{ wordBreak: "break-word" }}>
                  {row.before ?? ""}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ wordBreak: "break-word" }}>
                  {row.after ?? ""}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
