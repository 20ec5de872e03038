import { Alert, Anchor, Button, List, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import type { AssistantDetail } from "../api/assistants.ts";
import type { ApiError } from "../api/client.ts";
import { strings } from "../strings/index.ts";

const text = strings.preview;

/** The dialog a problem's pointer is inside, so the link opens where the fix is. */
function dialogOf(assistant: AssistantDetail, pointer: string) {
  const match = /^\/dialogs\/(\d+)(\/|$)/.exec(pointer);
  return match ? assistant.draft.dialogs[Number(match[1])] : undefined;
}

/** Why the preview could not start, with the way to fix it, instead of a chat that cannot work. */
export function PreviewRefused({ error, assistant }: { error: ApiError; assistant: AssistantDetail }) {
  const editor = `/assistants/${assistant.id}`;
  if (error.code === "preview_chat_only") {
    const channel = strings.editor.page.channels[assistant.channel] ?? assistant.channel;
    return (
      <Alert color="blue" title={text.chatOnly.title}>
        <Text size="sm">{text.chatOnly.body(channel)}</Text>
      </Alert>
    );
  }
  if (error.code !== "draft_invalid") {
    return (
      <Alert color="red" title={strings.common.states.errorTitle} role="alert">
        {error.message}
      </Alert>
    );
  }
  return (
    <Alert color="red" title={text.draftInvalid.title} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{text.draftInvalid.body}</Text>
        <List size="sm" spacing={4}>
          {error.problems.map((problem) => {
            const dialog = dialogOf(assistant, problem.path);
            return (
              <List.Item key={`${problem.path}:${problem.code}`}>
                {dialog ? (
                  <Anchor
                    component={Link}
                    size="sm"
                    to={`${editor}/dialogs/${encodeURIComponent(dialog.id)}`}
                  >
                    {text.draftInvalid.inDialog(dialog.name)}
                  </Anchor>
                ) : null}
                {dialog ? ": " : ""}
                {problem.message}
              </List.Item>
            );
          })}
        </List>
        <Button component={Link} to={editor} size="xs" color="red" variant="light">
          {text.draftInvalid.openEditor}
        </Button>
      </Stack>
    </Alert>
  );
}
