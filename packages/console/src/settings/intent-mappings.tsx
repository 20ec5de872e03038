import { ActionIcon, Alert, Button, Group, Paper, Select, Stack, Text } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useIntents, usePredefinedIntents } from "../api/organization-data.ts";
import { useDraftEditor } from "../editor/draft-editor.tsx";
import { strings } from "../strings/index.ts";
import { useFieldProps } from "./settings-field.ts";

const text = strings.settings.intents;

interface IntentOption {
  value: string;
  label: string;
}

/** The intents a mapping can name, grouped as the spec groups them: predefined first, then the organization's own. */
function useIntentOptions(): { groups: { group: string; items: IntentOption[] }[]; failed: boolean } {
  const predefined = usePredefinedIntents();
  const custom = useIntents();
  const label = (intent: { name: string; title?: unknown }) =>
    typeof intent.title === "string" && intent.title ? intent.title : intent.name;
  return {
    groups: [
      {
        group: text.predefined,
        items: (predefined.data ?? []).map((intent) => ({ value: intent.name, label: label(intent) })),
      },
      {
        group: text.custom,
        items: (custom.data ?? []).map((intent) => ({ value: intent.name, label: label(intent) })),
      },
    ].filter((group) => group.items.length > 0),
    failed: predefined.isError || custom.isError,
  };
}

/** Spec 08: which dialog each detected intent redirects to (`definition.intents`). */
export function IntentMappings() {
  const { definition, update, readOnlyReason, problems } = useDraftEditor();
  const options = useIntentOptions();
  // Problems of the list as a whole; each mapping's own show under its fields.
  const listProblems = problems.filter((problem) => problem.path === "/intents");
  const known = new Set(options.groups.flatMap((group) => group.items.map((item) => item.value)));
  const dialogs = definition.dialogs.map((dialog) => ({ value: dialog.id, label: dialog.name }));
  const add = () =>
    update((draft) => {
      const firstUnused = options.groups
        .flatMap((group) => group.items)
        .find((item) => !draft.intents.some((mapping) => mapping.intent === item.value));
      draft.intents.push({ intent: firstUnused?.value ?? "", dialogId: "" });
    });

  return (
    <Stack gap="sm" data-pointer="/intents">
      <Text size="sm" c="dimmed">
        {text.intro}
      </Text>
      {options.failed && (
        <Alert color="red" role="alert">
          {text.loadFailed}
        </Alert>
      )}
      {definition.intents.length === 0 ? (
        <Text size="sm">{text.empty}</Text>
      ) : (
        definition.intents.map((mapping, index) => (
          <IntentMappingRow
            // biome-ignore lint/suspicious/noArrayIndexKey: mappings have no id, and rows hold no state of their own.
            key={index}
            index={index}
            options={
              mapping.intent && !known.has(mapping.intent)
                ? [
                    ...options.groups,
                    {
                      group: text.custom,
                      items: [{ value: mapping.intent, label: text.unknownIntent(mapping.intent) }],
                    },
                  ]
                : options.groups
            }
            dialogs={dialogs}
          />
        ))
      )}
      {listProblems.map((problem) => (
        <Text key={problem.code} size="sm" c={problem.severity === "warning" ? "orange.8" : "red"}>
          {problem.message}
        </Text>
      ))}
      {!readOnlyReason && (
        <Group>
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={add}>
            {text.add}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function IntentMappingRow({
  index,
  options,
  dialogs,
}: {
  index: number;
  options: { group: string; items: IntentOption[] }[];
  dialogs: IntentOption[];
}) {
  const { definition, update, readOnlyReason } = useDraftEditor();
  const mapping = definition.intents[index];
  const intent = useFieldProps(`/intents/${index}/intent`);
  const dialog = useFieldProps(`/intents/${index}/dialogId`);
  if (!mapping) return null;
  return (
    <Paper withBorder radius="md" p="sm" role="group" aria-label={text.rowLabel(index + 1)}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <Select
          {...intent}
          label={text.intent}
          placeholder={text.chooseIntent}
          searchable
          allowDeselect={false}
          data={options}
          value={mapping.intent || null}
          onChange={(value) =>
            update((draft) => {
              const target = draft.intents[index];
              if (target && value) target.intent = value;
            })
          }
          style={{ flex: "1 1 240px" }}
        />
        <Select
          {...dialog}
          label={text.dialog}
          placeholder={text.chooseDialog}
          searchable
          allowDeselect={false}
          data={dialogs}
          value={mapping.dialogId || null}
          onChange={(value) =>
            update((draft) => {
              const target = draft.intents[index];
              if (target && value) target.dialogId = value;
            })
          }
          style={{ flex: "1 1 240px" }}
        />
        {!readOnlyReason && (
          <ActionIcon
            variant="subtle"
            color="red"
            mt={26}
            size="lg"
            aria-label={text.remove(index + 1)}
            onClick={() =>
              update((draft) => {
                draft.intents.splice(index, 1);
              })
            }
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        )}
      </Group>
    </Paper>
  );
}

/** A Lite assistant with intent mappings (imported, or converted): it cannot use them. */
export function UnavailableIntents() {
  const { update, readOnlyReason } = useDraftEditor();
  return (
    <Alert color="orange" title={text.unavailableTitle} data-pointer="/intents">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{text.unavailableBody}</Text>
        {!readOnlyReason && (
          <Button
            size="xs"
            variant="light"
            color="orange"
            onClick={() =>
              update((draft) => {
                draft.intents = [];
              })
            }
          >
            {text.removeAll}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
