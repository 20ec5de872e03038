import {
  Anchor,
  Box,
  Breadcrumbs,
  Button,
  Flex,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconArrowLeft, IconRefresh } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import type { AssistantDetail } from "../api/assistants.ts";
import { ApiError } from "../api/client.ts";
import { PageError, PageLoading } from "../components/page-state.tsx";
import { useAssistantDetail } from "../editor/draft-editor.tsx";
import { strings } from "../strings/index.ts";
import {
  type PreviewTarget,
  type StartedPreview,
  usePreviewState,
  useStartedPreview,
  useVersions,
} from "./preview-api.ts";
import { PreviewRefused } from "./preview-problems.tsx";
import { PreviewStatus } from "./preview-status.tsx";
import { WidgetFrame } from "./widget-frame.tsx";

const text = strings.preview;

/** The preview page (spec 19): the real widget chatting with the draft or a version, and its state. */
export function PreviewPage() {
  const { assistantId = "" } = useParams();
  const assistant = useAssistantDetail(assistantId);
  if (assistant.isPending) return <PageLoading />;
  if (assistant.isError) return <PageError error={assistant.error} onRetry={() => assistant.refetch()} />;
  return <PreviewWorkspace assistant={assistant.data} />;
}

function targetFrom(value: string | null): PreviewTarget {
  const version = Number(value);
  return value && Number.isInteger(version) && version > 0 ? version : "draft";
}

function PreviewWorkspace({ assistant }: { assistant: AssistantDetail }) {
  const [search, setSearch] = useSearchParams();
  const target = targetFrom(search.get("version"));
  const [attempt, setAttempt] = useState(0);
  const versions = useVersions(assistant.id);
  const started = useStartedPreview(assistant.id, target, attempt);
  const editor = `/assistants/${assistant.id}`;
  const name = assistant.draft.internalName;

  const choices = [
    { value: "draft", label: text.target.draft },
    ...(versions.data?.data ?? []).map((version) => ({
      value: String(version.version),
      label: text.target.version(version.version, version.live),
    })),
  ];
  const choose = (value: string | null) => {
    setSearch(value && value !== "draft" ? { version: value } : {}, { replace: true });
  };

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/customer-assist" size="sm">
          {strings.assistants.page.title}
        </Anchor>
        <Anchor component={Link} to={editor} size="sm">
          {name}
        </Anchor>
        <Text size="sm">{text.breadcrumb}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div>
          <Title order={1} size="h2">
            {text.title(name)}
          </Title>
          <Text size="sm" c="dimmed" mt={4} maw={640}>
            {text.intro}
          </Text>
        </div>
        <Button
          component={Link}
          to={editor}
          variant="default"
          leftSection={<IconArrowLeft size={16} aria-hidden />}
        >
          {text.backToEditor}
        </Button>
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={text.target.label}
          data={choices}
          value={target === "draft" ? "draft" : String(target)}
          onChange={choose}
          allowDeselect={false}
          w={220}
          description={target === "draft" ? text.target.draftHint : text.target.versionHint(target)}
        />
        <Button
          variant="light"
          leftSection={<IconRefresh size={16} aria-hidden />}
          onClick={() => setAttempt((count) => count + 1)}
          loading={started.isFetching}
        >
          {text.restart}
        </Button>
      </Group>
      {started.isPending ? (
        <PageLoading label={text.starting} />
      ) : started.isError ? (
        started.error instanceof ApiError ? (
          <PreviewRefused error={started.error} assistant={assistant} />
        ) : (
          <PageError error={started.error} onRetry={() => setAttempt((count) => count + 1)} />
        )
      ) : (
        <PreviewChat
          key={started.data.conversation.id}
          assistantId={assistant.id}
          started={started.data}
          onRestart={() => setAttempt((count) => count + 1)}
        />
      )}
    </Stack>
  );
}

function PreviewChat({
  assistantId,
  started,
  onRestart,
}: {
  assistantId: string;
  started: StartedPreview;
  onRestart: () => void;
}) {
  const queryClient = useQueryClient();
  const state = usePreviewState(assistantId, started.conversation.id);
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: ["preview-state", assistantId, started.conversation.id] });
  return (
    <Flex direction={{ base: "column", md: "row" }} gap="lg" align="flex-start">
      <Paper
        withBorder
        radius="md"
        style={{ overflow: "hidden", flexShrink: 0 }}
        w={{ base: "100%", md: 400 }}
        maw={420}
      >
        <Box h={640}>
          <WidgetFrame started={started} onActivity={refresh} onRestart={onRestart} />
        </Box>
      </Paper>
      <Box style={{ flex: 1, minWidth: 0 }} w="100%">
        <PreviewStatus state={state.data} failed={state.isError} assistantId={assistantId} />
      </Box>
    </Flex>
  );
}
