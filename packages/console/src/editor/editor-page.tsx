import { Alert, Anchor, Badge, Breadcrumbs, Button, Group, Stack, Tabs, Text, Title } from "@mantine/core";
import { Link, Navigate, Outlet, useLocation, useNavigate, useParams } from "react-router";
import { PageError, PageLoading } from "../components/page-state.tsx";
import { UnsavedChangesGuard } from "../components/unsaved-changes.tsx";
import { strings } from "../strings/index.ts";
import { DraftEditorProvider, useAssistantDetail, useDraftEditor } from "./draft-editor.tsx";
import { EditorActions } from "./editor-actions.tsx";
import { ProblemList } from "./problem-list.tsx";

const text = strings.editor.page;

/** The assistant editor: its header and actions, the tabs, and the tab's page below (spec 05, 11). */
export function EditorPage() {
  const { assistantId = "" } = useParams();
  const assistant = useAssistantDetail(assistantId);
  if (assistant.isPending) return <PageLoading />;
  if (assistant.isError) return <PageError error={assistant.error} onRetry={() => assistant.refetch()} />;
  return (
    <DraftEditorProvider key={assistant.data.id} assistant={assistant.data}>
      <EditorFrame />
    </DraftEditorProvider>
  );
}

function EditorFrame() {
  const editor = useDraftEditor();
  const location = useLocation();
  const navigate = useNavigate();
  const base = `/assistants/${editor.assistant.id}`;
  const tab = location.pathname.slice(base.length + 1).split("/")[0] || "dialogs";
  const { definition } = editor;
  return (
    <Stack gap="md">
      <UnsavedChangesGuard
        when={editor.dirty}
        keepsChanges={(pathname) => keepsWorkingCopy(base, pathname)}
      />
      <Breadcrumbs>
        <Anchor component={Link} to="/customer-assist" size="sm">
          {strings.assistants.page.title}
        </Anchor>
        <Text size="sm">{definition.internalName}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div>
          <Title order={1} size="h2">
            {definition.internalName}
          </Title>
          <Group gap={6} mt={4}>
            <Badge variant="light" color="gray">
              {text.channels[definition.channel] ?? definition.channel}
            </Badge>
            <Badge variant="light" color={definition.type === "premium" ? "grape" : "blue"}>
              {text.types[definition.type] ?? definition.type}
            </Badge>
            <Badge variant="dot" color={editor.assistant.status === "active" ? "green" : "gray"}>
              {editor.assistant.status === "active"
                ? text.publishedVersion(editor.assistant.liveVersion ?? 0)
                : text.draftOnly}
            </Badge>
            {editor.dirty && (
              <Text size="xs" c="orange.8" role="status">
                {text.unsavedChanges}
              </Text>
            )}
          </Group>
        </div>
        <EditorActions />
      </Group>
      {editor.readOnlyReason && (
        <Alert color="yellow" title={text.readOnlyTitle} role="status">
          {editor.readOnlyReason}
        </Alert>
      )}
      {editor.conflict && (
        <Alert color="orange" title={text.conflictTitle} role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{text.conflictBody}</Text>
            <Button size="xs" color="orange" onClick={() => void editor.reload()}>
              {text.reload}
            </Button>
          </Stack>
        </Alert>
      )}
      {editor.error && (
        <Alert color="red" role="alert">
          {editor.error.message}
        </Alert>
      )}
      <ProblemList />
      <Tabs value={tab} onChange={(value) => navigate(value === "dialogs" ? base : `${base}/${value}`)}>
        <Tabs.List>
          <Tabs.Tab value="dialogs">{text.tabs.dialogs}</Tabs.Tab>
          <Tabs.Tab value="flow">{text.tabs.flow}</Tabs.Tab>
          <Tabs.Tab value="settings">{text.tabs.settings}</Tabs.Tab>
          <Tabs.Tab value="versions">{text.tabs.versions}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Outlet />
    </Stack>
  );
}

/** The editor's tabs share the working copy; the preview is a page of its own and does not. */
function keepsWorkingCopy(base: string, pathname: string): boolean {
  if (pathname === base) return true;
  return pathname.startsWith(`${base}/`) && !pathname.startsWith(`${base}/preview`);
}

/** /assistants/:id opens the Welcome dialog, as the spec's editor does. */
export function FirstDialogRedirect() {
  const { definition, assistant } = useDraftEditor();
  const first = definition.dialogs[0];
  if (!first) return null;
  return <Navigate to={`/assistants/${assistant.id}/dialogs/${encodeURIComponent(first.id)}`} replace />;
}
