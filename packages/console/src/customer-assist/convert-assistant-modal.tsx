import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type AssistantSummary, assistantsQueryKey } from "../api/assistants.ts";
import { type ApiError, api, path } from "../api/client.ts";
import { PageError, PageLoading } from "../components/page-state.tsx";
import { fieldError } from "../components/problems.ts";
import { strings } from "../strings/index.ts";

const text = strings.assistants.convert;
const typeNames = strings.assistants.types;

interface Removal {
  path: string;
  what: string;
  message: string;
}

const capitalized = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

export interface Conversion {
  assistant: AssistantSummary;
  to: "lite" | "premium";
}

/**
 * Duplicate as the other type (spec 02, 17). The server's preview lists what the new type lacks
 * before anything is created; only the admin's confirmation makes the copy.
 */
export function ConvertAssistantModal({
  conversion,
  onClose,
}: {
  conversion: Conversion | null;
  onClose: () => void;
}) {
  const typeName = conversion ? (typeNames[conversion.to] ?? conversion.to) : "";
  return (
    <Modal opened={conversion !== null} onClose={onClose} title={text.title(typeName)} size="lg">
      {conversion && <ConversionForm conversion={conversion} typeName={typeName} onClose={onClose} />}
    </Modal>
  );
}

function ConversionForm({
  conversion,
  typeName,
  onClose,
}: {
  conversion: Conversion;
  typeName: string;
  onClose: () => void;
}) {
  const { assistant, to } = conversion;
  const queryClient = useQueryClient();
  const [internalName, setInternalName] = useState(() =>
    text.nameOf(assistant.internalName, typeName).slice(0, 100),
  );
  const preview = useQuery({
    queryKey: ["assistants", assistant.id, "conversion", to],
    queryFn: ({ signal }) =>
      api.get<{ removed: Removal[] }>(
        `${path("/v1/assistants", assistant.id, "conversion")}?type=${to}`,
        signal,
      ),
    // The draft may change between two openings: always ask again.
    gcTime: 0,
  });
  const duplicate = useMutation<{ internalName: string; removed: Removal[] }, ApiError>({
    mutationFn: () =>
      api.post(path("/v1/assistants", assistant.id, "duplicate"), {
        type: to,
        internalName: internalName.trim(),
      }),
    onSuccess: async (copy) => {
      await queryClient.invalidateQueries({ queryKey: assistantsQueryKey });
      notifications.show({ message: text.created(copy.internalName, copy.removed.length), color: "green" });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (internalName.trim()) duplicate.mutate();
  };

  const removed = preview.data?.removed ?? [];
  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <Text size="sm">{text.intro(assistant.internalName, typeName)}</Text>
        {preview.isPending && <PageLoading label={text.checking} />}
        {preview.isError && <PageError error={preview.error} onRetry={() => preview.refetch()} />}
        {preview.isSuccess && removed.length === 0 && (
          <Alert color="green" variant="light">
            {text.nothingRemoved(typeName)}
          </Alert>
        )}
        {preview.isSuccess && removed.length > 0 && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={text.removedTitle(removed.length, typeName)}
          >
            <List size="sm" spacing={4} aria-label={text.removedTitle(removed.length, typeName)}>
              {removed.map((removal) => (
                <List.Item key={`${removal.path}:${removal.what}`}>
                  <Text size="sm" fw={600} span>
                    {capitalized(removal.what)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {removal.message}
                  </Text>
                </List.Item>
              ))}
            </List>
            <Text size="sm" mt="sm">
              {text.review}
            </Text>
          </Alert>
        )}
        <TextInput
          label={text.newName}
          required
          maxLength={100}
          value={internalName}
          onChange={(event) => setInternalName(event.currentTarget.value)}
          error={
            fieldError(duplicate.error, "/internalName") ??
            (duplicate.error && duplicate.error.problems.length === 0
              ? duplicate.error.message
              : undefined) ??
            fieldError(duplicate.error, "/type")
          }
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {strings.common.actions.cancel}
          </Button>
          <Button
            type="submit"
            loading={duplicate.isPending}
            disabled={!preview.isSuccess || !internalName.trim()}
          >
            {text.confirm(typeName)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
