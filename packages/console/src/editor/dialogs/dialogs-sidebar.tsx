import { Box, Button, Group, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { Assistant, Dialog } from "@parley/model";
import { IconPlus } from "@tabler/icons-react";
import { Link } from "react-router";
import { strings } from "../../strings/index.ts";
import { interactionLabel } from "../interaction-catalog.ts";
import { AddDialogModal } from "./add-dialog-modal.tsx";
import { dialogLinkOf } from "./dialog-links.ts";
import { LinkAnchor } from "./link-anchor.tsx";

const text = strings.editor.dialogs;

interface DialogsSidebarProps {
  definition: Assistant;
  selectedId: string;
  /** Path of a dialog's page, by id. */
  dialogPath(dialogId: string): string;
  editable: boolean;
  onAddDialog(name: string): void;
}

/**
 * The Dialogs sidebar (spec 05, 11): every dialog with its name, its interactions and its end
 * interaction, and the anchor that says whether it is linked in the flow. Selecting one opens it.
 */
export function DialogsSidebar({
  definition,
  selectedId,
  dialogPath,
  editable,
  onAddDialog,
}: DialogsSidebarProps) {
  const [adding, { open, close }] = useDisclosure(false);
  return (
    <Stack gap="sm" component="nav" aria-labelledby="dialogs-sidebar-title">
      <Group justify="space-between" wrap="nowrap">
        <Title order={2} size="h4" id="dialogs-sidebar-title">
          {text.sidebarTitle}
        </Title>
        {editable && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={open}>
            {text.addDialog}
          </Button>
        )}
      </Group>
      {/* Beside the editor from md up; above it on narrower screens, two previews a row. */}
      <SimpleGrid
        cols={{ base: 1, xs: 2, md: 1 }}
        spacing={8}
        component="ul"
        m={0}
        p={0}
        style={{ listStyle: "none" }}
      >
        {definition.dialogs.map((dialog) => (
          <li key={dialog.id}>
            <DialogPreview
              definition={definition}
              dialog={dialog}
              selected={dialog.id === selectedId}
              to={dialogPath(dialog.id)}
            />
          </li>
        ))}
      </SimpleGrid>
      <AddDialogModal
        opened={adding}
        onClose={close}
        definition={definition}
        onCreate={(name) => {
          close();
          onAddDialog(name);
        }}
      />
    </Stack>
  );
}

function endTargetName(definition: Assistant, dialog: Dialog): string | null {
  if (dialog.end?.kind !== "redirect") return null;
  const dialogId = dialog.end.dialogId;
  return definition.dialogs.find((candidate) => candidate.id === dialogId)?.name ?? text.missingDialog;
}

function DialogPreview({
  definition,
  dialog,
  selected,
  to,
}: {
  definition: Assistant;
  dialog: Dialog;
  selected: boolean;
  to: string;
}) {
  const link = dialogLinkOf(definition, dialog);
  const endLabel = dialog.end ? interactionLabel(dialog.end.kind) : null;
  return (
    <UnstyledButton
      component={Link}
      to={to}
      aria-current={selected ? "page" : undefined}
      display="block"
      w="100%"
      style={{ borderRadius: "var(--mantine-radius-md)" }}
    >
      <Paper
        withBorder
        p="sm"
        radius="md"
        bg={selected ? "indigo.0" : undefined}
        style={selected ? { borderColor: "var(--mantine-color-indigo-5)" } : undefined}
      >
        <Text fw={600} size="sm" lineClamp={2}>
          {dialog.name}
        </Text>
        <Box component="ol" m={0} mt={4} pl={18}>
          {dialog.interactions.length === 0 ? (
            <Text component="li" size="xs" c="dimmed" style={{ listStyle: "none", marginLeft: -18 }}>
              {text.noInteractions}
            </Text>
          ) : (
            dialog.interactions.map((interaction) => (
              <Text component="li" size="xs" c="dimmed" key={interaction.id}>
                {interactionLabel(interaction.kind)}
              </Text>
            ))
          )}
        </Box>
        <Group gap={6} mt={6} wrap="nowrap" justify="space-between">
          <Text size="xs" fw={500} c={dialog.end ? undefined : "red.8"} lineClamp={2}>
            {endLabel ? text.endSummary(endLabel, endTargetName(definition, dialog)) : text.noEndInteraction}
          </Text>
          <LinkAnchor link={link} endLabel={endLabel} />
        </Group>
      </Paper>
    </UnstyledButton>
  );
}
