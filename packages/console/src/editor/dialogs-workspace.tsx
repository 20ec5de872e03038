import { Box, Button, Grid, List, Stack, Text } from "@mantine/core";
import { modals } from "@mantine/modals";
import { notifications } from "@mantine/notifications";
import type { Dialog } from "@parley/model";
import { useCallback } from "react";
import { useNavigate, useParams } from "react-router";
import { EmptyState } from "../components/page-state.tsx";
import { strings } from "../strings/index.ts";
import { DialogEditor } from "./dialogs/dialog-editor.tsx";
import { dialogsLeadingTo } from "./dialogs/dialog-links.ts";
import { addDialog, deleteDialog } from "./dialogs/dialog-operations.ts";
import { DialogsSidebar } from "./dialogs/dialogs-sidebar.tsx";
import { useDraftEditor } from "./draft-editor.tsx";

const text = strings.editor.dialogs;

/**
 * /assistants/:assistantId/dialogs/:dialogId: the Dialogs sidebar on the left, the selected
 * dialog's editor on the right (spec 05, 11).
 */
export function DialogsWorkspace() {
  const editor = useDraftEditor();
  const navigate = useNavigate();
  const { dialogId = "" } = useParams();
  const { definition } = editor;
  const editable = editor.readOnlyReason === null;
  const dialogPath = useCallback(
    (id: string) => `/assistants/${editor.assistant.id}/dialogs/${encodeURIComponent(id)}`,
    [editor.assistant.id],
  );
  const index = definition.dialogs.findIndex((dialog) => dialog.id === dialogId);
  const dialog = definition.dialogs[index];

  const add = (name: string) => {
    // The id is decided here, from the copy on screen, so the page can open the new dialog at once.
    const id = addDialog(structuredClone(definition), name);
    editor.update((draft) => {
      addDialog(draft, name);
    });
    navigate(dialogPath(id));
  };

  const confirmDelete = (target: Dialog) => {
    const referrers = dialogsLeadingTo(definition, target.id);
    modals.openConfirmModal({
      title: text.deleteTitle(target.name),
      children: (
        <Stack gap="xs">
          <Text size="sm">{text.deleteBody}</Text>
          {referrers.length === 0 ? (
            <Text size="sm">{text.deleteNoReferrers}</Text>
          ) : (
            <>
              <Text size="sm">{text.deleteReferrers}</Text>
              <List size="sm">
                {referrers.map((source) => (
                  <List.Item key={source.id}>{source.name}</List.Item>
                ))}
              </List>
            </>
          )}
        </Stack>
      ),
      labels: { confirm: text.deleteDialog, cancel: strings.common.actions.cancel },
      confirmProps: { color: "red" },
      onConfirm: () => {
        const position = definition.dialogs.findIndex((candidate) => candidate.id === target.id);
        const next = definition.dialogs[position - 1] ?? definition.dialogs[0];
        editor.update((draft) => deleteDialog(draft, target.id));
        notifications.show({ message: text.deleted(target.name), color: "green" });
        if (next) navigate(dialogPath(next.id), { replace: true });
      },
    });
  };

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <DialogsSidebar
          definition={definition}
          selectedId={dialogId}
          dialogPath={dialogPath}
          editable={editable}
          onAddDialog={add}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Box maw={880}>
          {dialog ? (
            <DialogEditor
              key={dialog.id}
              dialog={dialog}
              index={index}
              dialogPath={dialogPath}
              onDelete={confirmDelete}
            />
          ) : (
            <EmptyState
              title={text.notFoundTitle}
              body={text.notFoundBody}
              action={
                definition.dialogs[0] && (
                  <Button
                    variant="light"
                    onClick={() => navigate(dialogPath(definition.dialogs[0]?.id ?? ""))}
                  >
                    {text.openWelcome}
                  </Button>
                )
              }
            />
          )}
        </Box>
      </Grid.Col>
    </Grid>
  );
}
