import { Button, Center, Group, Paper, Select, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { channels } from "@parley/model";
import { IconFileImport, IconPlus, IconSearch } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { EmptyState, PageError, PageLoading } from "../components/page-state.tsx";
import { scopes, useCan } from "../session/session.ts";
import { strings } from "../strings/index.ts";
import { AddAssistantModal } from "./add-assistant-modal.tsx";
import {
  type AssistantFilters,
  hasFilters,
  useAssistantFilters,
  useAssistantList,
} from "./assistant-list.ts";
import { AssistantTable } from "./assistant-table.tsx";
import { type Conversion, ConvertAssistantModal } from "./convert-assistant-modal.tsx";
import { ImportAssistantModal } from "./import-assistant-modal.tsx";

const text = strings.assistants.list;
const labels = strings.assistants;
const all = "all";

/** Customer Assist > Assistants (spec 01, 19): find, add, duplicate, convert, move and delete assistants. */
export function AssistantsTab() {
  const canEdit = useCan(scopes.assistantsWrite);
  const [filters, setFilters] = useAssistantFilters();
  const list = useAssistantList(filters);
  const [adding, addBox] = useDisclosure(false);
  const [importing, importBox] = useDisclosure(false);
  const [conversion, setConversion] = useState<Conversion | null>(null);

  const assistants = list.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = hasFilters(filters);
  const addButton = canEdit && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={addBox.open}>
      {text.addAssistant}
    </Button>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <FilterBar filters={filters} onChange={setFilters} />
        {canEdit && (
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} aria-hidden />}
              onClick={importBox.open}
            >
              {text.importAssistant}
            </Button>
            {addButton}
          </Group>
        )}
      </Group>
      {list.isPending && <PageLoading label={text.loading} />}
      {list.isError && <PageError error={list.error} onRetry={() => list.refetch()} />}
      {list.isSuccess && assistants.length === 0 && !filtered && (
        <Paper withBorder>
          <EmptyState
            title={text.emptyTitle}
            body={canEdit ? text.emptyBody : text.emptyBodyReadOnly}
            action={addButton}
          />
        </Paper>
      )}
      {list.isSuccess && assistants.length === 0 && filtered && (
        <Paper withBorder>
          <EmptyState
            title={text.noResultsTitle}
            body={text.noResultsBody}
            action={
              <Button
                variant="light"
                onClick={() => setFilters({ search: "", channel: "", type: "", status: "" })}
              >
                {text.clearFilters}
              </Button>
            }
          />
        </Paper>
      )}
      {assistants.length > 0 && (
        <Paper withBorder style={{ overflow: "hidden" }}>
          <AssistantTable assistants={assistants} canEdit={canEdit} onConvert={setConversion} />
        </Paper>
      )}
      {assistants.length > 0 && (
        <Center>
          <Stack gap={6} align="center">
            <Text size="xs" c="dimmed" role="status">
              {text.count(assistants.length, list.hasNextPage)}
            </Text>
            {list.hasNextPage && (
              <Button
                variant="default"
                onClick={() => list.fetchNextPage()}
                loading={list.isFetchingNextPage}
              >
                {text.loadMore}
              </Button>
            )}
          </Stack>
        </Center>
      )}
      <AddAssistantModal opened={adding} onClose={addBox.close} />
      <ImportAssistantModal opened={importing} onClose={importBox.close} />
      <ConvertAssistantModal conversion={conversion} onClose={() => setConversion(null)} />
    </Stack>
  );
}

function FilterBar({
  filters,
  onChange,
}: {
  filters: AssistantFilters;
  onChange: (change: Partial<AssistantFilters>) => void;
}) {
  // Typing stays instant; the list (and the address) follows once the admin pauses.
  const [search, setSearch] = useState(filters.search);
  const [settled] = useDebouncedValue(search, 250);
  const pushed = useRef(filters.search);
  useEffect(() => {
    if (settled === pushed.current) return;
    pushed.current = settled;
    onChange({ search: settled });
  }, [settled, onChange]);
  // Clear filters, or going back, changes the address: the box follows.
  useEffect(() => {
    if (filters.search === pushed.current) return;
    pushed.current = filters.search;
    setSearch(filters.search);
  }, [filters.search]);

  // Mantine's Select has no empty value: "all" stands for no filter.
  const option = (value: string, label: string) => ({ value: value || all, label });
  const choose = (name: "channel" | "type" | "status") => (value: string | null) =>
    onChange({ [name]: value === all || value === null ? "" : value });
  return (
    <Group gap="xs" wrap="wrap">
      <TextInput
        aria-label={text.search}
        placeholder={text.searchPlaceholder}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        w={230}
        type="search"
      />
      <Select
        aria-label={text.channelFilter}
        data={[
          option("", text.allChannels),
          ...channels.map((channel) => option(channel, labels.channels[channel] ?? channel)),
        ]}
        value={filters.channel || all}
        onChange={choose("channel")}
        allowDeselect={false}
        w={170}
      />
      <Select
        aria-label={text.typeFilter}
        data={[
          option("", text.allTypes),
          ...(["lite", "premium", "pro"] as const).map((type) => option(type, labels.types[type] ?? type)),
        ]}
        value={filters.type || all}
        onChange={choose("type")}
        allowDeselect={false}
        w={136}
      />
      <Select
        aria-label={text.statusFilter}
        data={[
          option("", text.allStatuses),
          ...(["draft", "active"] as const).map((status) =>
            option(status, labels.statuses[status] ?? status),
          ),
        ]}
        value={filters.status || all}
        onChange={choose("status")}
        allowDeselect={false}
        w={136}
      />
    </Group>
  );
}
