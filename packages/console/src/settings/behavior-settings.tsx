import { Radio, Select, Stack } from "@mantine/core";
import { useDraftEditor } from "../editor/draft-editor.tsx";
import { strings } from "../strings/index.ts";
import { useFieldProps } from "./settings-field.ts";

const text = strings.settings.behavior;
const pointer = "/settings/behaviour/noIntentMatch";

/** Spec 08, WhatsApp only: what happens when a reply matches no intent. */
export function BehaviorSettings() {
  const { definition, update } = useDraftEditor();
  const noIntentMatch = definition.settings.behaviour.noIntentMatch;
  const choice = useFieldProps(pointer);
  const dialog = useFieldProps(`${pointer}/dialogId`);
  const firstDialog = definition.dialogs[0]?.id ?? "";
  return (
    <Stack gap="sm" maw={640}>
      <Radio.Group
        data-pointer={pointer}
        label={text.noIntentMatch}
        description={text.noIntentMatchHint}
        error={noIntentMatch.action === "redirect" ? undefined : choice.error}
        value={noIntentMatch.action}
        onChange={(value) =>
          update((draft) => {
            draft.settings.behaviour.noIntentMatch =
              value === "redirect" ? { action: "redirect", dialogId: firstDialog } : { action: "continue" };
          })
        }
      >
        <Stack gap="xs" mt={8}>
          <Radio value="continue" label={text.continue} disabled={choice.readOnly} />
          <Radio value="redirect" label={text.redirect} disabled={choice.readOnly} />
        </Stack>
      </Radio.Group>
      {noIntentMatch.action === "redirect" && (
        <Select
          {...dialog}
          label={text.dialog}
          placeholder={text.chooseDialog}
          searchable
          allowDeselect={false}
          styles={{ wrapper: { maxWidth: 420 } }}
          ml={{ base: 0, sm: 30 }}
          data={definition.dialogs.map((item) => ({ value: item.id, label: item.name }))}
          value={noIntentMatch.dialogId}
          onChange={(value) =>
            update((draft) => {
              if (value) draft.settings.behaviour.noIntentMatch = { action: "redirect", dialogId: value };
            })
          }
        />
      )}
    </Stack>
  );
}
