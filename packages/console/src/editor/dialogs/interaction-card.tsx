import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { ActionIcon, Alert, Badge, Box, Group, Paper, Stack, Text, Tooltip } from "@mantine/core";
import type { Interaction } from "@parley/model";
import { IconArrowDown, IconArrowUp, IconGripVertical, IconTrash } from "@tabler/icons-react";
import { useId } from "react";
import type { Problem } from "../../api/client.ts";
import { strings } from "../../strings/index.ts";
import { useUpdateAt } from "../definition-pointer.ts";
import { interactionLabel } from "../interaction-catalog.ts";
import { InteractionForm } from "../interactions/interaction-form.tsx";

const text = strings.editor.interactionList;

export interface InteractionCardProps {
  /** The key dnd-kit sorts by: the interaction's id, made unique if ids repeat. */
  sortKey: string;
  interaction: Interaction;
  pointer: string;
  index: number;
  total: number;
  editable: boolean;
  readOnly: boolean;
  /** Problems that name the interaction itself rather than one of its fields. */
  problems: readonly Problem[];
  onMove(from: number, to: number): void;
  onRemove(index: number): void;
}

/** One interaction of a list: its kind, its form, and (when editable) reorder and delete controls. */
export function InteractionCard(props: InteractionCardProps) {
  const { sortKey, interaction, pointer, index, total, editable, readOnly, problems } = props;
  const sortable = useSortable({ id: sortKey, disabled: !editable });
  const update = useUpdateAt<Interaction>(pointer);
  const titleId = useId();
  const label = interactionLabel(interaction.kind);
  const position = index + 1;
  return (
    <Paper
      ref={sortable.setNodeRef}
      withBorder
      radius="md"
      role="group"
      aria-labelledby={titleId}
      data-pointer={pointer}
      data-sort-key={sortKey}
      style={{
        transform: CSS.Transform.toString(sortable.transform),
        transition: sortable.transition,
        position: "relative",
        zIndex: sortable.isDragging ? 2 : undefined,
        boxShadow: sortable.isDragging ? "var(--mantine-shadow-md)" : undefined,
      }}
    >
      <Group
        justify="space-between"
        wrap="nowrap"
        px="sm"
        py={6}
        bg="gray.0"
        style={{ borderTopLeftRadius: "inherit", borderTopRightRadius: "inherit" }}
      >
        <Group gap={6} wrap="nowrap" miw={0}>
          {editable && (
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-label={text.dragHandle(label, position)}
              style={{ cursor: sortable.isDragging ? "grabbing" : "grab", touchAction: "none" }}
              {...sortable.attributes}
              {...sortable.listeners}
            >
              <IconGripVertical size={16} aria-hidden />
            </ActionIcon>
          )}
          <Badge variant="light" color="gray" size="sm" circle aria-hidden>
            {position}
          </Badge>
          <Text fw={600} size="sm" id={titleId} truncate>
            {label}
          </Text>
        </Group>
        {editable && (
          <Group gap={2} wrap="nowrap">
            <Tooltip label={text.moveUp(label, position)} openDelay={500}>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                data-action="up"
                aria-label={text.moveUp(label, position)}
                disabled={index === 0}
                onClick={() => props.onMove(index, index - 1)}
              >
                <IconArrowUp size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={text.moveDown(label, position)} openDelay={500}>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                data-action="down"
                aria-label={text.moveDown(label, position)}
                disabled={index === total - 1}
                onClick={() => props.onMove(index, index + 1)}
              >
                <IconArrowDown size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={text.remove(label, position)} openDelay={500}>
              <ActionIcon
                variant="subtle"
                color="red"
                size="sm"
                aria-label={text.remove(label, position)}
                onClick={() => props.onRemove(index)}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Group>
      <Stack gap="xs" p="sm">
        {problems.map((problem) => (
          <Alert key={`${problem.path} ${problem.code}`} color="red" variant="light" p="xs" role="alert">
            <Text size="sm">{problem.message}</Text>
          </Alert>
        ))}
        <Box>
          <InteractionForm
            interaction={interaction}
            pointer={pointer}
            update={update as (recipe: (value: Interaction) => void) => void}
            readOnly={readOnly}
          />
        </Box>
      </Stack>
    </Paper>
  );
}
