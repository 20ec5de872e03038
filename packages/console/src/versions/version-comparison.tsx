import { Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { PageError, PageLoading } from "../components/page-state.tsx";
import { strings } from "../strings/index.ts";
import { type ChangeRow, ChangeTable, valueChangeRows } from "./change-table.tsx";
import { interactionKindLabel, positionInDialog } from "./change-text.ts";
import {
  type VersionComparison as Comparison,
  type DialogChange,
  useComparison,
  type VersionChoice,
  type VersionSummary,
} from "./versions-api.ts";

const text = strings.versions.compare;

export function choiceLabel(choice: VersionChoice, versions: readonly VersionSummary[]): string {
  if (choice === "draft") return text.draft;
  return text.versionOption(
    choice,
    versions.some((entry) => entry.version === choice && entry.live),
  );
}

function dialogRows(dialog: DialogChange): ChangeRow[] {
  const named = (kind: string, path: string) =>
    text.interactionAt(interactionKindLabel(kind), positionInDialog(path));
  const { interactions, end } = dialog;
  const rows: ChangeRow[] = [
    ...interactions.added.map((entry): ChangeRow => ({ kind: "added", what: named(entry.kind, entry.path) })),
    ...interactions.removed.map(
      (entry): ChangeRow => ({ kind: "removed", what: named(entry.kind, entry.path) }),
    ),
    ...interactions.moved.map(
      (entry): ChangeRow => ({
        kind: "moved",
        what: interactionKindLabel(entry.kind),
        before: positionInDialog(entry.from),
        after: positionInDialog(entry.to),
      }),
    ),
    ...interactions.changed.flatMap((entry) => valueChangeRows(entry.changes, named(entry.kind, entry.path))),
  ];
  if (end) {
    const kindOf = (side: { kind: string } | null) => (side ? interactionKindLabel(side.kind) : text.noEnd);
    if (end.from?.kind !== end.to?.kind) {
      rows.push({
        kind: "changed",
        what: text.endInteraction,
        before: kindOf(end.from),
        after: kindOf(end.to),
      });
    } else {
      rows.push(...valueChangeRows(end.changes, `${text.endInteraction} (${kindOf(end.to)})`));
    }
  }
  return rows;
}

function ComparisonResult({
  comparison,
  fromLabel,
  toLabel,
}: {
  comparison: Comparison;
  fromLabel: string;
  toLabel: string;
}) {
  if (comparison.identical) return <Text size="sm">{text.identical}</Text>;
  const { dialogs } = comparison;
  const dialogListRows: ChangeRow[] = [
    ...dialogs.added.map((dialog): ChangeRow => ({ kind: "added", what: text.dialogAdded(dialog.name) })),
    ...dialogs.removed.map(
      (dialog): ChangeRow => ({ kind: "removed", what: text.dialogRemoved(dialog.name) }),
    ),
    ...dialogs.renamed.map(
      (dialog): ChangeRow => ({
        kind: "renamed",
        what: text.dialogs,
        before: `"${dialog.from}"`,
        after: `"${dialog.to}"`,
      }),
    ),
  ];
  return (
    <Stack gap="md" aria-label={text.summary(fromLabel, toLabel)} role="region">
      <Title order={3} size="h5">
        {text.summary(fromLabel, toLabel)}
      </Title>
      {comparison.settings.length > 0 && (
        <ChangeTable caption={text.settings} rows={valueChangeRows(comparison.settings)} />
      )}
      {dialogListRows.length > 0 && <ChangeTable caption={text.dialogs} rows={dialogListRows} />}
      {dialogs.changed.map((dialog) => (
        <ChangeTable key={dialog.id} caption={text.inDialog(dialog.name)} rows={dialogRows(dialog)} />
      ))}
    </Stack>
  );
}

/** Two versions (or a version and the draft) side by side, as GET …/versions/compare reports them. */
export function VersionComparison({
  assistantId,
  versions,
  from,
  to,
  dirtyDraft,
  onChange,
}: {
  assistantId: string;
  versions: readonly VersionSummary[];
  from: VersionChoice;
  to: VersionChoice;
  /** Whether the editor has unsaved changes, which the server's draft does not have yet. */
  dirtyDraft: boolean;
  onChange(from: VersionChoice, to: VersionChoice): void;
}) {
  const comparison = useComparison(assistantId, from, to);
  const options = [
    { value: "draft", label: text.draft },
    ...versions.map((entry) => ({
      value: String(entry.version),
      label: choiceLabel(entry.version, versions),
    })),
  ];
  const parse = (value: string | null): VersionChoice | null =>
    value === null ? null : value === "draft" ? "draft" : Number(value);
  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      id="compare-versions"
      component="section"
      aria-labelledby="compare-versions-title"
    >
      <Stack gap="md">
        <Title order={2} size="h4" id="compare-versions-title">
          {text.title}
        </Title>
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select
            label={text.from}
            data={options}
            value={String(from)}
            allowDeselect={false}
            onChange={(value) => {
              const next = parse(value);
              if (next !== null) onChange(next, to);
            }}
            w={220}
          />
          <Select
            label={text.to}
            data={options}
            value={String(to)}
            allowDeselect={false}
            onChange={(value) => {
              const next = parse(value);
              if (next !== null) onChange(from, next);
            }}
            w={220}
          />
        </Group>
        {dirtyDraft && (from === "draft" || to === "draft") && (
          <Text size="sm" c="orange.8">
            {text.draftAsSaved}
          </Text>
        )}
        {from === to ? (
          <Text size="sm" c="dimmed">
            {text.sameChoice}
          </Text>
        ) : comparison.isPending ? (
          <PageLoading label={text.loading} />
        ) : comparison.isError ? (
          <PageError error={comparison.error} onRetry={() => comparison.refetch()} />
        ) : (
          <ComparisonResult
            comparison={comparison.data}
            fromLabel={choiceLabel(from, versions)}
            toLabel={choiceLabel(to, versions)}
          />
        )}
      </Stack>
    </Paper>
  );
}
