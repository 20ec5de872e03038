import { Anchor, Badge, Group, Loader, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { strings } from "../strings/index.ts";
import type { PreviewState } from "./preview-api.ts";

const text = strings.preview;

const statusColors: Record<string, string> = {
  running: "blue",
  transferred: "teal",
  ended: "gray",
  abandoned: "orange",
  missed: "red",
  interrupted: "grape",
};

/** Attribute values as the admin would type them: text as is, anything else as JSON. */
function shown(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function StatusCard({ state, assistantId }: { state: PreviewState; assistantId: string }) {
  const assistantStatus = state.assistantStatus ?? "running";
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="preview-status-title">
      <Title order={2} size="h5" id="preview-status-title" mb="sm">
        {text.status.title}
      </Title>
      <Stack gap={8} role="status" aria-live="polite">
        <Group gap="xs">
          <Badge color={statusColors[assistantStatus] ?? "gray"} variant="light">
            {text.status.statuses[assistantStatus] ?? assistantStatus}
          </Badge>
          <Text size="sm">{text.status.conversation[state.status] ?? state.status}</Text>
        </Group>
        <Group gap={6} wrap="nowrap" align="baseline">
          <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
            {text.status.currentDialog}:
          </Text>
          {state.dialog ? (
            <Anchor
              component={Link}
              size="sm"
              to={`/assistants/${assistantId}/dialogs/${encodeURIComponent(state.dialog.id)}`}
            >
              {state.dialog.name}
            </Anchor>
          ) : (
            <Text size="sm">{text.status.noDialog}</Text>
          )}
        </Group>
        {state.waiting && (
          <Group gap={6} wrap="nowrap" align="baseline">
            <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
              {text.status.waitingFor}:
            </Text>
            <Text size="sm">
              {text.status.waiting[state.waiting.for] ?? state.waiting.for}{" "}
              {state.waiting.interactionKind && (
                <Text span size="xs" c="dimmed">
                  {text.status.interactionKind(state.waiting.interactionKind)}
                </Text>
              )}
            </Text>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function AttributeRows({ group, values }: { group: string; values: Record<string, unknown> }) {
  return Object.entries(values).map(([name, value]) => (
    <Table.Tr key={`${group}.${name}`}>
      <Table.Td>
        <Text size="sm">
          <Text span c="dimmed" size="xs">
            {group}
          </Text>{" "}
          {name}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ wordBreak: "break-word" }}>
          {shown(value)}
        </Text>
      </Table.Td>
    </Table.Tr>
  ));
}

function AttributesCard({ state }: { state: PreviewState }) {
  const { conversation, customer } = state.attributes;
  const empty = Object.keys(conversation).length === 0 && Object.keys(customer).length === 0;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="preview-attributes-title">
      <Title order={2} size="h5" id="preview-attributes-title" mb="sm">
        {text.attributes.title}
      </Title>
      {empty ? (
        <Text size="sm" c="dimmed">
          {text.attributes.none}
        </Text>
      ) : (
        <Table aria-labelledby="preview-attributes-title" verticalSpacing={4} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{text.attributes.attribute}</Table.Th>
              <Table.Th>{text.attributes.value}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <AttributeRows group={text.attributes.conversation} values={conversation} />
            <AttributeRows group={text.attributes.customer} values={customer} />
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** The side panel: where the assistant is and what it has collected, refreshed as the chat goes. */
export function PreviewStatus({
  state,
  failed,
  assistantId,
}: {
  state: PreviewState | undefined;
  failed: boolean;
  assistantId: string;
}) {
  if (!state) {
    return (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          {failed ? text.status.failed : text.status.updating}
        </Text>
      </Group>
    );
  }
  return (
    <Stack gap="md">
      <StatusCard state={state} assistantId={assistantId} />
      <AttributesCard state={state} />
      {failed && (
        <Text size="xs" c="orange.8">
          {text.status.failed}
        </Text>
      )}
    </Stack>
  );
}
