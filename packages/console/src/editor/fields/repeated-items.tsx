import { ActionIcon, Box, Button, Group, Input, Paper, Stack, Text } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { strings } from "../../strings/index.ts";
import { useFieldError } from "./field-error.ts";

const text = strings.interactions.fields;

/** Moves one item of an immer draft's array: how the up and down buttons reorder. */
export function moveItem<T>(items: T[], from: number, to: number): void {
  if (to < 0 || to >= items.length) return;
  const [item] = items.splice(from, 1);
  if (item !== undefined) items.splice(to, 0, item);
}

/**
 * A list of buttons, options or conditions: one row each with its fields, move up / down and remove,
 * and an add button that stops at the schema's limit. The list's own problem ("needs at least one
 * button") shows under it; each row's fields show theirs.
 */
export function RepeatedItems<T>({
  items,
  pointer,
  label,
  description,
  itemName,
  addLabel,
  max,
  min = 0,
  readOnly,
  onAdd,
  onRemove,
  onMove,
  renderItem,
  itemKey,
  bordered = false,
}: {
  items: readonly T[];
  pointer: string;
  label?: ReactNode;
  description?: ReactNode;
  /** "button": read in "Remove button 2". */
  itemName: string;
  addLabel: string;
  max: number;
  min?: number;
  readOnly: boolean;
  onAdd(): void;
  onRemove(index: number): void;
  onMove?: (from: number, to: number) => void;
  renderItem(item: T, index: number): ReactNode;
  itemKey(item: T, index: number): string;
  bordered?: boolean;
}) {
  const error = useFieldError(pointer, { exact: true });
  return (
    <Stack gap={6} data-pointer={pointer}>
      {label && (
        <Box>
          <Input.Label>{label}</Input.Label>
          {description && <Input.Description>{description}</Input.Description>}
        </Box>
      )}
      {items.map((item, index) => {
        const name = `${itemName} ${index + 1}`;
        const row = (
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <Box flex={1} miw={0}>
              {renderItem(item, index)}
            </Box>
            {!readOnly && (
              <Group gap={2} wrap="nowrap" pt={bordered ? 0 : 26}>
                {onMove && items.length > 1 && (
                  <>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={text.moveUp(name)}
                      disabled={index === 0}
                      onClick={() => onMove(index, index - 1)}
                    >
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={text.moveDown(name)}
                      disabled={index === items.length - 1}
                      onClick={() => onMove(index, index + 1)}
                    >
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                  </>
                )}
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={text.remove(name)}
                  disabled={items.length <= min}
                  onClick={() => onRemove(index)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            )}
          </Group>
        );
        return (
          <Box key={itemKey(item, index)} role="group" aria-label={name}>
            {bordered ? (
              <Paper withBorder p="sm" radius="md">
                {row}
              </Paper>
            ) : (
              row
            )}
          </Box>
        );
      })}
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
      {!readOnly && (
        <Group gap="xs">
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={onAdd}
            disabled={items.length >= max}
          >
            {addLabel}
          </Button>
          {items.length >= max && (
            <Text size="xs" c="dimmed">
              {text.limitReached(max)}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
