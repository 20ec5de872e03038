import { Button, Group, Menu, Text } from "@mantine/core";
import { modals } from "@mantine/modals";
import { notifications } from "@mantine/notifications";
import { IconDots, IconEye, IconHistory, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { assistantsQueryKey } from "../api/assistants.ts";
import { api, path } from "../api/client.ts";
import { scopes, useCan } from "../session/session.ts";
import { strings } from "../strings/index.ts";
import { useDraftEditor } from "./draft-editor.tsx";

const text = strings.editor.actions;

/** The editor's buttons in the spec's words: Save Draft, Save and Publish, Create New Draft, More Options. */
export function EditorActions() {
  const editor = useDraftEditor();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canEdit = useCan(scopes.assistantsWrite);
  const { assistant } = editor;
  const base = `/assistants/${assistant.id}`;

  const createNewDraft = useMutation({
    mutationFn: () => api.post(path("/v1/assistants", assistant.id, "draft"), {}),
    onSuccess: async () => {
      await editor.reload();
      notifications.show({ message: text.newDraftCreated, color: "green" });
    },
    onError: (error) => notifications.show({ message: error.message, color: "red" }),
  });
  const deleteAssistant = useMutation({
    mutationFn: () => api.delete(path("/v1/assistants", assistant.id)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: assistantsQueryKey });
      notifications.show({ message: text.deleted(editor.definition.internalName), color: "green" });
      navigate("/customer-assist");
    },
    onError: (error) => notifications.show({ message: error.message, color: "red" }),
  });

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: text.deleteTitle,
      children: <Text size="sm">{text.deleteBody(editor.definition.internalName)}</Text>,
      labels: { confirm: text.deleteAssistant, cancel: strings.common.actions.cancel },
      confirmProps: { color: "red" },
      onConfirm: () => deleteAssistant.mutate(),
    });
  const confirmNewDraft = () =>
    modals.openConfirmModal({
      title: text.newDraftTitle,
      children: <Text size="sm">{text.newDraftBody}</Text>,
      labels: { confirm: text.createNewDraft, cancel: strings.common.actions.cancel },
      onConfirm: () => createNewDraft.mutate(),
    });

  const publish = async () => {
    if (await editor.saveAndPublish()) notifications.show({ message: text.published, color: "green" });
  };
  const save = async () => {
    if (await editor.saveDraft()) notifications.show({ message: text.saved, color: "green" });
  };
  const editable = canEdit && !editor.readOnlyReason;

  return (
    <Group gap="xs" wrap="wrap">
      {/* Previewing starts a conversation, which needs the assistants write scope. */}
      {canEdit && (
        <Button
          variant="default"
          leftSection={<IconEye size={16} aria-hidden />}
          onClick={() => navigate(`${base}/preview`)}
        >
          {text.preview}
        </Button>
      )}
      {editable && (
        <>
          <Button variant="default" onClick={save} loading={editor.saving} disabled={editor.publishing}>
            {text.saveDraft}
          </Button>
          <Button onClick={publish} loading={editor.publishing} disabled={editor.saving}>
            {text.saveAndPublish}
          </Button>
        </>
      )}
      {canEdit && assistant.liveVersion !== null && (
        <Button variant="subtle" onClick={confirmNewDraft} loading={createNewDraft.isPending}>
          {text.createNewDraft}
        </Button>
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="subtle" color="gray" aria-label={text.moreOptions} px="xs">
            <IconDots size={18} aria-hidden />
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{text.moreOptions}</Menu.Label>
          <Menu.Item
            leftSection={<IconHistory size={16} aria-hidden />}
            onClick={() => navigate(`${base}/versions`)}
          >
            {text.latestVersion}
          </Menu.Item>
          {canEdit && (
            <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={confirmDelete}>
              {text.deleteAssistant}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
