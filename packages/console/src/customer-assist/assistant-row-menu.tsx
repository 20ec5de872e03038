import { ActionIcon, Menu, Text } from "@mantine/core";
import { modals } from "@mantine/modals";
import { notifications } from "@mantine/notifications";
import { typesForChannel } from "@parley/model";
import { IconCopy, IconDots, IconDownload, IconPencil, IconTransform, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { type AssistantSummary, assistantsQueryKey } from "../api/assistants.ts";
import { api, path } from "../api/client.ts";
import { strings } from "../strings/index.ts";
import { exportAssistant } from "./assistant-file.ts";
import type { Conversion } from "./convert-assistant-modal.tsx";

const text = strings.assistants.actions;
const typeNames = strings.assistants.types;

/** The types an assistant can be duplicated as, other than its own (spec 02, 17): Pro only converts. */
export function conversionTargets(assistant: AssistantSummary): ("lite" | "premium")[] {
  const allowed = typesForChannel(assistant.channel);
  return (["lite", "premium"] as const).filter((type) => type !== assistant.type && allowed.includes(type));
}

/** More Options for one assistant: Duplicate, Duplicate as the other type, Export, Delete. */
export function AssistantRowMenu({
  assistant,
  canEdit,
  onConvert,
}: {
  assistant: AssistantSummary;
  canEdit: boolean;
  onConvert: (conversion: Conversion) => void;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const failed = (error: Error) => notifications.show({ message: error.message, color: "red" });

  const duplicate = useMutation({
    mutationFn: () => api.post<AssistantSummary>(path("/v1/assistants", assistant.id, "duplicate"), {}),
    onSuccess: async (copy) => {
      await queryClient.invalidateQueries({ queryKey: assistantsQueryKey });
      notifications.show({ message: text.duplicated(copy.internalName), color: "green" });
    },
    onError: failed,
  });
  const download = useMutation({
    mutationFn: () => exportAssistant(assistant.publicId, assistant.internalName),
    onSuccess: (fileName) => notifications.show({ message: text.exported(fileName), color: "green" }),
    onError: failed,
  });
  const remove = useMutation({
    mutationFn: () => api.delete(path("/v1/assistants", assistant.id)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: assistantsQueryKey });
      notifications.show({ message: text.deleted(assistant.internalName), color: "green" });
    },
    onError: failed,
  });
  const confirmDelete = () =>
    modals.openConfirmModal({
      title: text.deleteTitle,
      children: <Text size="sm">{text.deleteBody(assistant.internalName)}</Text>,
      labels: { confirm: text.deleteConfirm, cancel: strings.common.actions.cancel },
      confirmProps: { color: "red" },
      onConfirm: () => remove.mutate(),
    });

  const busy = duplicate.isPending || download.isPending || remove.isPending;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={text.menu(assistant.internalName)}
          loading={busy}
        >
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          leftSection={<IconPencil size={16} aria-hidden />}
          onClick={() => navigate(`/assistants/${assistant.id}`)}
        >
          {text.open}
        </Menu.Item>
        {canEdit && assistant.type !== "pro" && (
          <Menu.Item leftSection={<IconCopy size={16} aria-hidden />} onClick={() => duplicate.mutate()}>
            {text.duplicate}
          </Menu.Item>
        )}
        {canEdit &&
          conversionTargets(assistant).map((to) => (
            <Menu.Item
              key={to}
              leftSection={<IconTransform size={16} aria-hidden />}
              onClick={() => onConvert({ assistant, to })}
            >
              {text.duplicateAs(typeNames[to] ?? to)}
            </Menu.Item>
          ))}
        <Menu.Item leftSection={<IconDownload size={16} aria-hidden />} onClick={() => download.mutate()}>
          {text.export}
        </Menu.Item>
        {canEdit && (
          <>
            <Menu.Divider />
            <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={confirmDelete}>
              {text.delete}
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
