import {
  ActionIcon,
  Anchor,
  Badge,
  CopyButton,
  Group,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from "@mantine/core";
import { IconCheck, IconCopy } from "@tabler/icons-react";
import { Link } from "react-router";
import type { AssistantSummary } from "../api/assistants.ts";
import { strings } from "../strings/index.ts";
import { AssistantRowMenu } from "./assistant-row-menu.tsx";
import type { Conversion } from "./convert-assistant-modal.tsx";
import { exactTime, relativeTime, useNow } from "./relative-time.ts";

const text = strings.assistants.list;
const labels = strings.assistants;

const typeColors: Record<string, string> = { lite: "gray", premium: "violet", pro: "orange" };

/** The organization's assistants: name and ID, description, channel, type, status and last change. */
export function AssistantTable({
  assistants,
  canEdit,
  onConvert,
}: {
  assistants: AssistantSummary[];
  canEdit: boolean;
  onConvert: (conversion: Conversion) => void;
}) {
  const now = useNow();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label={text.tableLabel} verticalSpacing="sm" highlightOnHover bg="white">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{text.columns.name}</Table.Th>
            <Table.Th visibleFrom="md">{text.columns.description}</Table.Th>
            <Table.Th>{text.columns.channel}</Table.Th>
            <Table.Th>{text.columns.type}</Table.Th>
            <Table.Th>{text.columns.status}</Table.Th>
            <Table.Th visibleFrom="md">{text.columns.lastChange}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{text.columns.actions}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {assistants.map((assistant) => (
            <AssistantRow
              key={assistant.id}
              assistant={assistant}
              canEdit={canEdit}
              onConvert={onConvert}
              now={now}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AssistantRow({
  assistant,
  canEdit,
  onConvert,
  now,
}: {
  assistant: AssistantSummary;
  canEdit: boolean;
  onConvert: (conversion: Conversion) => void;
  now: number;
}) {
  return (
    <Table.Tr>
      <Table.Td maw={280}>
        <Stack gap={2}>
          <Anchor component={Link} to={`/assistants/${assistant.id}`} fw={600} size="sm">
            {assistant.internalName}
          </Anchor>
          <Group gap={4} wrap="nowrap">
            <Text size="xs" c="dimmed" ff="monospace">
              {text.publicId} {assistant.publicId}
            </Text>
            <CopyButton value={assistant.publicId} timeout={1500}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? text.copied : text.copyId(assistant.publicId)} withArrow>
                  <ActionIcon
                    size="xs"
                    variant="subtle"
                    color={copied ? "teal" : "gray"}
                    onClick={copy}
                    aria-label={text.copyId(assistant.publicId)}
                  >
                    {copied ? <IconCheck size={12} aria-hidden /> : <IconCopy size={12} aria-hidden />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
        </Stack>
      </Table.Td>
      {/* Narrow screens keep what tells assistants apart; the editor shows the rest. */}
      <Table.Td maw={300} visibleFrom="md">
        <Text size="sm" c={assistant.description ? undefined : "dimmed"} lineClamp={2}>
          {assistant.description || text.noDescription}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{labels.channels[assistant.channel] ?? assistant.channel}</Text>
      </Table.Td>
      <Table.Td>
        <TypeBadge type={assistant.type} />
      </Table.Td>
      <Table.Td>
        <Stack gap={2} align="flex-start">
          <Badge color={assistant.status === "active" ? "green" : "gray"} variant="light">
            {labels.statuses[assistant.status]}
          </Badge>
          {assistant.liveVersion !== null && (
            <Text size="xs" c="dimmed">
              {text.liveVersion(assistant.liveVersion)}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td visibleFrom="md">
        <Tooltip label={exactTime(assistant.updatedAt)} withArrow>
          <Text size="sm" component="time" dateTime={assistant.updatedAt}>
            {relativeTime(assistant.updatedAt, now, strings.assistants.relativeTime.justNow)}
          </Text>
        </Tooltip>
      </Table.Td>
      <Table.Td ta="right">
        <AssistantRowMenu assistant={assistant} canEdit={canEdit} onConvert={onConvert} />
      </Table.Td>
    </Table.Tr>
  );
}

function TypeBadge({ type }: { type: string }) {
  const badge = (
    <Badge color={typeColors[type] ?? "gray"} variant="light">
      {labels.types[type] ?? type}
    </Badge>
  );
  if (type !== "pro") return badge;
  return (
    <Tooltip label={text.proHint} withArrow multiline w={260}>
      {badge}
    </Tooltip>
  );
}
