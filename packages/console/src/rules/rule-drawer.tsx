import { Alert, Button, Drawer, Group, List, Stack, Switch, Text } from "@mantine/core";
import { modals } from "@mantine/modals";
import { notifications } from "@mantine/notifications";
import type { Channel } from "@parley/model";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { ApiError, api, path } from "../api/client.ts";
import { useKlasses } from "../api/organization-data.ts";
import { problemsAt, problemsOutside } from "../components/problems.ts";
import { strings } from "../strings/index.ts";
import { AudienceEditor } from "./audience-editor.tsx";
import { ProactiveSection } from "./proactive-section.tsx";
import { RuleTargetFields } from "./rule-target-fields.tsx";
import { type Rule, type RuleInput, rulesQueryKey } from "./rules-api.ts";

const text = strings.rules.form;

/** The fields of the form that show the server's problems; anything else is listed above them. */
const fieldPointers = [
  "/name",
  "/channel",
  "/brandId",
  "/assistantId",
  "/startDialogId",
  "/phoneNumber",
  "/whatsappId",
  "/proactive",
  "/audience",
  "/enabled",
];

export function emptyRule(channel: Channel): RuleInput {
  return {
    name: "",
    channel,
    brandId: null,
    assistantId: "",
    startDialogId: null,
    proactive: false,
    audience: { match: "all", conditions: [] },
    phoneNumber: null,
    whatsappId: null,
    enabled: true,
  };
}

export function inputOf(rule: Rule): RuleInput {
  const { id: _id, position: _position, createdAt: _created, updatedAt: _updated, ...input } = rule;
  return input;
}

interface RuleDrawerProps {
  /** The rule being edited, or "new" for Add Assistant Rule; null: closed. */
  editing: Rule | "new" | null;
  channel: Channel;
  onClose: () => void;
}

/** Add Assistant Rule and editing a rule: every field of the rule, saved with Save Changes. */
export function RuleDrawer({ editing, channel, onClose }: RuleDrawerProps) {
  const [dirty, setDirty] = useState(false);
  const close = () => {
    if (!dirty) {
      onClose();
      return;
    }
    modals.openConfirmModal({
      title: text.discardTitle,
      children: <Text size="sm">{text.discardBody}</Text>,
      labels: { confirm: text.discard, cancel: text.keepEditing },
      confirmProps: { color: "red" },
      onConfirm: () => {
        setDirty(false);
        onClose();
      },
    });
  };
  return (
    <Drawer
      opened={editing !== null}
      onClose={close}
      position="right"
      size={880}
      styles={{ title: { fontWeight: 600, fontSize: "var(--mantine-font-size-lg)" } }}
      title={editing === "new" ? text.addTitle : text.editTitle}
    >
      {editing !== null && (
        <RuleForm
          key={editing === "new" ? "new" : editing.id}
          rule={editing === "new" ? null : editing}
          channel={channel}
          onDirtyChange={setDirty}
          onCancel={close}
          onSaved={() => {
            setDirty(false);
            onClose();
          }}
        />
      )}
    </Drawer>
  );
}

/** Focuses the field of a problem's JSON pointer, or the nearest enclosing one; else shows the form's top. */
function focusProblem(form: HTMLFormElement | null, path: string) {
  if (!form) return;
  let pointer = path;
  while (pointer !== "") {
    const field = form.querySelector<HTMLElement>(`[data-pointer="${CSS.escape(pointer)}"]`);
    if (field) {
      field.scrollIntoView({ block: "center" });
      field.focus({ preventScroll: true });
      return;
    }
    pointer = pointer.slice(0, pointer.lastIndexOf("/"));
  }
  form.scrollIntoView({ block: "start" });
}

interface RuleFormProps {
  rule: Rule | null;
  channel: Channel;
  onDirtyChange: (dirty: boolean) => void;
  onCancel: () => void;
  onSaved: () => void;
}

function RuleForm({ rule, channel, onDirtyChange, onCancel, onSaved }: RuleFormProps) {
  const queryClient = useQueryClient();
  const klasses = useKlasses();
  const [input, setInput] = useState<RuleInput>(() => (rule ? inputOf(rule) : emptyRule(channel)));
  const [error, setError] = useState<ApiError | null>(null);
  const update = (change: Partial<RuleInput>) => {
    setInput((current) => ({ ...current, ...change }));
    onDirtyChange(true);
  };

  const save = useMutation({
    mutationFn: (body: RuleInput) =>
      rule ? api.put<Rule>(path("/v1/rules", rule.id), body) : api.post<Rule>("/v1/rules", body),
    onMutate: () => setError(null),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: rulesQueryKey });
      notifications.show({
        message: rule ? text.saved(saved.name) : text.created(saved.name),
        color: "green",
      });
      onSaved();
    },
    onError: (failure) => {
      if (failure instanceof ApiError) setError(failure);
      else notifications.show({ message: failure.message, color: "red" });
    },
  });

  // After a refused save, the first field the server names is brought into view and focused.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (error) focusProblem(formRef.current, error.problems[0]?.path ?? "");
  }, [error]);

  const problems = error?.problems ?? [];
  const unplaced = problemsOutside(problems, fieldPointers);
  const fieldProblem = (pointer: string) => problemsAt(problems, pointer)[0]?.message;

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(input);
      }}
    >
      <Stack gap="md">
        {error && (
          <Alert color="red" title={text.problemsTitle} role="alert">
            <Text size="sm">{error.message}</Text>
            {unplaced.length > 0 && (
              <List size="sm" mt="xs">
                {unplaced.map((problem) => (
                  <List.Item key={`${problem.path}:${problem.code}`}>{problem.message}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        <RuleTargetFields input={input} update={update} problemAt={fieldProblem} />
        <ProactiveSection input={input} update={update} problemAt={fieldProblem} />
        <AudienceEditor
          audience={input.audience}
          channel={input.channel}
          klasses={klasses.data ?? []}
          problems={problems}
          onChange={(audience) => update({ audience })}
        />
        <Switch
          label={text.enabled}
          description={text.enabledDescription}
          checked={input.enabled}
          onChange={(event) => update({ enabled: event.currentTarget.checked })}
          error={fieldProblem("/enabled")}
          data-pointer="/enabled"
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {text.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {text.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
