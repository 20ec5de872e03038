import { Badge, Group, List, Modal, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { PageError, PageLoading } from "../components/page-state.tsx";
import { strings } from "../strings/index.ts";
import { interactionKindLabel } from "./change-text.ts";
import { useVersion } from "./versions-api.ts";

const text = strings.versions.view;

/** The parts of a published definition this view reads; anything else in it is left alone. */
interface ShownInteraction {
  id?: string;
  kind?: string;
  text?: unknown;
  prompt?: unknown;
  message?: unknown;
  dialogId?: unknown;
}
interface ShownDialog {
  id?: string;
  name?: string;
  interactions?: ShownInteraction[];
  end?: ShownInteraction | null;
}

function dialogsOf(definition: Record<string, unknown>): ShownDialog[] {
  return Array.isArray(definition.dialogs) ? (definition.dialogs as ShownDialog[]) : [];
}

/** The words an interaction says first, so a dialog reads at a glance. */
function excerpt(interaction: ShownInteraction): string | null {
  const said = [interaction.text, interaction.prompt, interaction.message].find(
    (value): value is string => typeof value === "string" && value !== "",
  );
  if (!said) return null;
  return said.length > 120 ? `${said.slice(0, 120)}…` : said;
}

function InteractionLine({
  interaction,
  dialogNames,
}: {
  interaction: ShownInteraction;
  dialogNames: Map<string, string>;
}) {
  const said = excerpt(interaction);
  const target = typeof interaction.dialogId === "string" ? dialogNames.get(interaction.dialogId) : undefined;
  return (
    <Text size="sm" component="span">
      <Text span fw={500} size="sm">
        {interactionKindLabel(interaction.kind ?? "")}
      </Text>
      {target && ` ${text.redirectsTo(target)}`}
      {said && (
        <Text span c="dimmed" size="sm">
          {" "}
          — {said}
        </Text>
      )}
    </Text>
  );
}

function DialogSummary({
  dialog,
  first,
  dialogNames,
}: {
  dialog: ShownDialog;
  first: boolean;
  dialogNames: Map<string, string>;
}) {
  const interactions = dialog.interactions ?? [];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={dialog.name}>
      <Group gap="xs" mb="xs">
        <Title order={3} size="h5">
          {dialog.name}
        </Title>
        {first && (
          <Badge variant="light" size="sm">
            {text.welcome}
          </Badge>
        )}
      </Group>
      {interactions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {text.noInteractions}
        </Text>
      ) : (
        <List type="ordered" size="sm" spacing={4} aria-label={text.interactions}>
          {interactions.map((interaction, index) => (
            <List.Item key={interaction.id ?? index}>
              <InteractionLine interaction={interaction} dialogNames={dialogNames} />
            </List.Item>
          ))}
        </List>
      )}
      <Text size="sm" mt="xs">
        <Text span c="dimmed" size="sm">
          {text.endInteraction}:{" "}
        </Text>
        {dialog.end ? <InteractionLine interaction={dialog.end} dialogNames={dialogNames} /> : text.noEnd}
      </Text>
    </Paper>
  );
}

/** A published version, read-only: its dialogs, their interactions and where each ends (GET …/versions/:version). */
export function VersionView({
  assistantId,
  version,
  publishedText,
  actions,
  onClose,
}: {
  assistantId: string;
  version: number | null;
  publishedText: string;
  actions: ReactNode;
  onClose(): void;
}) {
  const detail = useVersion(assistantId, version);
  const dialogs = detail.data ? dialogsOf(detail.data.definition) : [];
  const dialogNames = new Map(dialogs.map((dialog) => [dialog.id ?? "", dialog.name ?? ""]));
  const intents =
    detail.data && Array.isArray(detail.data.definition.intents) ? detail.data.definition.intents.length : 0;
  return (
    <Modal
      opened={version !== null}
      onClose={onClose}
      size="xl"
      title={version === null ? "" : text.title(version)}
    >
      {detail.isPending ? (
        <PageLoading />
      ) : detail.isError ? (
        <PageError error={detail.error} onRetry={() => detail.refetch()} />
      ) : (
        <Stack gap="md">
          <Stack gap={4}>
            <Text size="sm">{publishedText}</Text>
            <Text size="sm" c="dimmed">
              {text.readOnly}
            </Text>
            <Text size="sm" c="dimmed">
              {text.dialogs(dialogs.length)}
              {intents > 0 && ` · ${text.intents(intents)}`}
            </Text>
          </Stack>
          {actions}
          {dialogs.map((dialog, index) => (
            <DialogSummary
              key={dialog.id ?? index}
              dialog={dialog}
              first={index === 0}
              dialogNames={dialogNames}
            />
          ))}
        </Stack>
      )}
    </Modal>
  );
}
