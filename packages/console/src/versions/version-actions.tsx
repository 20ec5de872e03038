import { Stack, Text } from "@mantine/core";
import { modals } from "@mantine/modals";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { assistantQueryKey, assistantsQueryKey } from "../api/assistants.ts";
import { api, path } from "../api/client.ts";
import { useDraftEditor } from "../editor/draft-editor.tsx";
import { strings } from "../strings/index.ts";

const text = strings.versions.actions;

/**
 * Edit this version, Use this version and Take offline (spec 11), each confirmed first since each
 * replaces something: the draft, or the version conversations run.
 */
export function useVersionActions() {
  const editor = useDraftEditor();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const assistantId = editor.assistant.id;
  const failed = (error: Error) => notifications.show({ message: error.message, color: "red" });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: assistantQueryKey(assistantId) });
    await queryClient.invalidateQueries({ queryKey: assistantsQueryKey, exact: true });
  };

  const edit = useMutation({
    mutationFn: (version: number) =>
      api.post(path("/v1/assistants", assistantId, "draft"), { fromVersion: version }),
    onSuccess: async (_saved, version) => {
      await editor.reload();
      notifications.show({ message: text.edited(version), color: "green" });
      navigate(`/assistants/${assistantId}`);
    },
    onError: failed,
  });
  const choose = useMutation({
    mutationFn: (version: number | null) => api.put(path("/v1/assistants", assistantId, "live"), { version }),
    onSuccess: async (_assistant, version) => {
      await refresh();
      notifications.show({
        message: version === null ? text.offline : text.nowInUse(version),
        color: "green",
      });
    },
    onError: failed,
  });

  return {
    pending: edit.isPending || choose.isPending,
    edit: (version: number) =>
      modals.openConfirmModal({
        title: text.editTitle(version),
        children: (
          <Stack gap="xs">
            <Text size="sm">{text.editBody(version)}</Text>
            {editor.dirty && (
              <Text size="sm" c="orange.8">
                {text.editBodyUnsaved}
              </Text>
            )}
          </Stack>
        ),
        labels: { confirm: text.edit, cancel: strings.common.actions.cancel },
        onConfirm: () => edit.mutate(version),
      }),
    use: (version: number) =>
      modals.openConfirmModal({
        title: text.inUseTitle(version),
        children: <Text size="sm">{text.inUseBody(version)}</Text>,
        labels: { confirm: text.use, cancel: strings.common.actions.cancel },
        onConfirm: () => choose.mutate(version),
      }),
    takeOffline: () =>
      modals.openConfirmModal({
        title: text.offlineTitle,
        children: <Text size="sm">{text.offlineBody}</Text>,
        labels: { confirm: text.takeOffline, cancel: strings.common.actions.cancel },
        confirmProps: { color: "red" },
        onConfirm: () => choose.mutate(null),
      }),
  };
}
