import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Menu,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconDots, IconEye } from "@tabler/icons-react";
import { useState } from "react";
import { EmptyState, PageError, PageLoading } from "../components/page-state.tsx";
import { useDraftEditor } from "../editor/draft-editor.tsx";
import { scopes, useCan } from "../session/session.ts";
import { strings } from "../strings/index.ts";
import { useVersionActions } from "./version-actions.tsx";
import { VersionComparison } from "./version-comparison.tsx";
import { VersionView } from "./version-view.tsx";
import { useVersions, type VersionChoice, type VersionSummary } from "./versions-api.ts";

const text = strings.versions;
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

function publisherText(entry: VersionSummary): string | null {
  if (!entry.publisher) return null;
  return entry.publisher.kind === "api_key" ? text.table.apiKey(entry.publisher.name) : entry.publisher.name;
}

/** The comparison first shown: the two newest versions, or the only one against the draft. */
function initialComparison(versions: readonly VersionSummary[]): [VersionChoice, VersionChoice] {
  const [newest, previous] = versions;
  if (newest && previous) return [previous.version, newest.version];
  return [newest?.version ?? "draft", "draft"];
}

/** Latest Version (spec 11): the published versions, the one in use, comparing, editing and choosing one. */
export function VersionsPage() {
  const editor = useDraftEditor();
  const assistantId = editor.assistant.id;
  const versions = useVersions(assistantId);
  const canEdit = useCan(scopes.assistantsWrite);
  const actions = useVersionActions();
  const [picked, setPicked] = useState<[VersionChoice, VersionChoice] | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);

  if (versions.isPending) return <PageLoading />;
  if (versions.isError) return <PageError error={versions.error} onRetry={() => versions.refetch()} />;
  const list = versions.data;
  if (list.length === 0) return <EmptyState title={text.page.emptyTitle} body={text.page.emptyBody} />;

  const [from, to] = picked ?? initialComparison(list);
  const compare = (next: [VersionChoice, VersionChoice]) => {
    setPicked(next);
    document.getElementById("compare-versions")?.scrollIntoView({ behavior: "smooth", block: "start" });
  };
  const viewed = list.find((entry) => entry.version === viewing);
  const publishedText = (entry: VersionSummary) =>
    text.view.published(dateFormat.format(new Date(entry.publishedAt)), publisherText(entry));

  const rowActions = (entry: VersionSummary, index: number) => (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      <Button
        size="xs"
        variant="subtle"
        leftSection={<IconEye size={14} aria-hidden />}
        onClick={() => setViewing(entry.version)}
        aria-label={text.actions.viewVersion(entry.version)}
      >
        {text.actions.view}
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={text.table.actionsFor(entry.version)}>
            <IconDots size={16} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => compare([entry.version, "draft"])}>
            {text.actions.compareWithDraft}
          </Menu.Item>
          {list[index + 1] && (
            <Menu.Item onClick={() => compare([list[index + 1]?.version ?? entry.version, entry.version])}>
              {text.actions.compareWithPrevious}
            </Menu.Item>
          )}
          {canEdit && (
            <>
              <Menu.Divider />
              <Menu.Item onClick={() => actions.edit(entry.version)}>{text.actions.edit}</Menu.Item>
              {entry.live ? (
                <Menu.Item color="red" onClick={actions.takeOffline}>
                  {text.actions.takeOffline}
                </Menu.Item>
              ) : (
                <Menu.Item onClick={() => actions.use(entry.version)}>{text.actions.use}</Menu.Item>
              )}
            </>
          )}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="versions-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="versions-title">
            {text.page.title}
          </Title>
          <Text size="sm" c="dimmed">
            {text.page.intro}
          </Text>
          {!list.some((entry) => entry.live) && (
            <Alert color="yellow" title={text.page.offlineTitle}>
              {text.page.offlineBody}
            </Alert>
          )}
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Caption style={{ captionSide: "top", textAlign: "left" }} hidden>
                {text.table.caption}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{text.table.version}</Table.Th>
                  <Table.Th>{text.table.published}</Table.Th>
                  <Table.Th>{text.table.publishedBy}</Table.Th>
                  <Table.Th>{text.table.status}</Table.Th>
                  <Table.Th ta="right">{text.table.actions}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((entry, index) => (
                  <Table.Tr key={entry.version} aria-current={entry.live ? "true" : undefined}>
                    <Table.Td fw={600}>{text.table.versionNumber(entry.version)}</Table.Td>
                    <Table.Td>{dateFormat.format(new Date(entry.publishedAt))}</Table.Td>
                    <Table.Td>{publisherText(entry) ?? text.table.unknownPublisher}</Table.Td>
                    <Table.Td>
                      {entry.live && (
                        <Badge color="green" variant="light">
                          {text.table.inUse}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{rowActions(entry, index)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      </Paper>
      <VersionComparison
        assistantId={assistantId}
        versions={list}
        from={from}
        to={to}
        dirtyDraft={editor.dirty}
        onChange={(nextFrom, nextTo) => setPicked([nextFrom, nextTo])}
      />
      <VersionView
        assistantId={assistantId}
        version={viewing}
        publishedText={viewed ? publishedText(viewed) : ""}
        onClose={() => setViewing(null)}
        actions={
          canEdit && viewed ? (
            <Group gap="xs">
              <Button
                size="xs"
                variant="light"
                onClick={() => {
                  setViewing(null);
                  actions.edit(viewed.version);
                }}
              >
                {text.actions.edit}
              </Button>
              {!viewed.live && (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    setViewing(null);
                    actions.use(viewed.version);
                  }}
                >
                  {text.actions.use}
                </Button>
              )}
            </Group>
          ) : null
        }
      />
    </Stack>
  );
}
