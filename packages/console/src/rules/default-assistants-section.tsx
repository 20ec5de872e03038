import { Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Channel } from "@parley/model";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { AssistantSummary } from "../api/assistants.ts";
import { ApiError, api, path } from "../api/client.ts";
import { type Named, useBrands } from "../api/organization-data.ts";
import { EmptyState, PageError, PageLoading } from "../components/page-state.tsx";
import { fieldError } from "../components/problems.ts";
import { strings } from "../strings/index.ts";
import { channelName } from "./channel-names.ts";
import {
  type DefaultAssistant,
  defaultAssistantsQueryKey,
  isPublished,
  useAllAssistants,
  useDefaultAssistants,
} from "./rules-api.ts";

const text = strings.rules.defaults;
const noneValue = "none";

/**
 * The assistant each brand runs on the chosen channel when no rule matches (spec 11: "select the
 * desired brand and assistant from the drop-down menu"). A choice is saved as soon as it is made.
 */
export function DefaultAssistantsSection({ channel, canEdit }: { channel: Channel; canEdit: boolean }) {
  const brands = useBrands();
  const defaults = useDefaultAssistants();
  const assistants = useAllAssistants();
  const pending = brands.isPending || defaults.isPending || assistants.isPending;
  const error = brands.error ?? defaults.error ?? assistants.error;

  let body: React.ReactNode;
  if (pending) body = <PageLoading />;
  else if (error) {
    body = (
      <PageError
        error={error}
        onRetry={() => Promise.all([brands.refetch(), defaults.refetch(), assistants.refetch()])}
      />
    );
  } else if ((brands.data ?? []).length === 0) {
    body = <EmptyState title={text.noBrandsTitle} body={text.noBrandsBody} />;
  } else {
    const published = (assistants.data ?? []).filter(
      (assistant) => assistant.channel === channel && isPublished(assistant),
    );
    body = (
      <>
        {published.length === 0 && (
          <Text size="sm" c="dimmed" mb="xs">
            {text.noPublished(channelName(channel))}
          </Text>
        )}
        <Table verticalSpacing="xs" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="40%">{text.brand}</Table.Th>
              <Table.Th>{text.assistant}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(brands.data ?? []).map((brand) => (
              <BrandDefaultRow
                key={brand.id}
                brand={brand}
                channel={channel}
                canEdit={canEdit}
                published={published}
                assistants={assistants.data ?? []}
                current={
                  defaults.data?.find((entry) => entry.brandId === brand.id && entry.channel === channel) ??
                  null
                }
              />
            ))}
          </Table.Tbody>
        </Table>
      </>
    );
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="default-assistant-title">
      <Stack gap={4} mb="sm">
        <Title order={2} size="h4" id="default-assistant-title">
          {text.title}
        </Title>
        <Text size="sm" c="dimmed">
          {text.description(channelName(channel))}
        </Text>
      </Stack>
      {body}
    </Paper>
  );
}

interface BrandDefaultRowProps {
  brand: Named;
  channel: Channel;
  canEdit: boolean;
  published: AssistantSummary[];
  assistants: AssistantSummary[];
  current: DefaultAssistant | null;
}

function BrandDefaultRow({ brand, channel, canEdit, published, assistants, current }: BrandDefaultRowProps) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<ApiError | null>(null);
  const currentAssistant = current
    ? assistants.find((assistant) => assistant.id === current.assistantId)
    : null;
  const assistantName = (assistant: AssistantSummary | null | undefined) =>
    assistant ? assistant.internalName : text.none;

  const save = useMutation({
    mutationFn: (assistantId: string | null) =>
      api.put<{ assistantId: string | null }>(path("/v1/default-assistants", brand.id, channel), {
        assistantId,
      }),
    onMutate: () => setError(null),
    onSuccess: (saved) => {
      queryClient.setQueryData<DefaultAssistant[]>(defaultAssistantsQueryKey, (entries = []) => [
        ...entries.filter((entry) => !(entry.brandId === brand.id && entry.channel === channel)),
        ...(saved.assistantId ? [{ brandId: brand.id, channel, assistantId: saved.assistantId }] : []),
      ]);
      const chosen = assistants.find((assistant) => assistant.id === saved.assistantId);
      notifications.show({ message: text.saved(brand.name, assistantName(chosen)), color: "green" });
    },
    onError: (failure) => {
      if (failure instanceof ApiError) setError(failure);
      else notifications.show({ message: failure.message, color: "red" });
    },
  });

  const options = [
    { value: noneValue, label: text.none },
    ...published.map((assistant) => ({ value: assistant.id, label: assistant.internalName })),
  ];
  if (current && !published.some((assistant) => assistant.id === current.assistantId)) {
    // A default that was unpublished since still shows, so the admin sees why nothing runs.
    options.push({
      value: current.assistantId,
      label: text.unpublished(currentAssistant?.internalName ?? text.unknownAssistant),
    });
  }

  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {brand.name}
        </Text>
      </Table.Td>
      <Table.Td>
        {canEdit ? (
          <Select
            aria-label={text.selectLabel(brand.name)}
            data={options}
            value={current?.assistantId ?? noneValue}
            allowDeselect={false}
            disabled={save.isPending}
            error={error ? (fieldError(error, "/assistantId") ?? error.message) : undefined}
            onChange={(value) => {
              if (value === null || value === (current?.assistantId ?? noneValue)) return;
              save.mutate(value === noneValue ? null : value);
            }}
          />
        ) : (
          <Text size="sm">
            {current ? (currentAssistant?.internalName ?? text.unknownAssistant) : text.none}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
