import { Group, Stack } from "@mantine/core";
import type { NavigationButtons } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { useDraftEditor } from "../draft-editor.tsx";
import { TextField } from "../fields/basic-fields.tsx";
import { nextChildId } from "../fields/child-ids.ts";
import { DialogSelect } from "../fields/reference-selects.tsx";
import { moveItem, RepeatedItems } from "../fields/repeated-items.tsx";
import { SaveToField } from "../fields/save-to-field.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { setOptional, useDefaultDialogId } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

const text = strings.interactions.navigationButtons;
const maxButtons = 10;
type Button = NavigationButtons["buttons"][number];

/** Navigation Buttons (spec 04): the prompt and up to 10 buttons, each leading to a dialog. */
export function NavigationButtonsForm({
  interaction,
  pointer,
  update,
  readOnly,
}: InteractionFormProps<NavigationButtons>) {
  const { definition } = useDraftEditor();
  const defaultDialogId = useDefaultDialogId();
  const buttonsPointer = childPointer(pointer, "buttons");
  const change = (index: number, recipe: (button: Button) => void) =>
    update((draft) => {
      const target = draft.buttons[index];
      if (target) recipe(target);
    });
  return (
    <Stack gap="sm">
      <TextTemplateField
        label={strings.interactions.prompt}
        required
        pointer={childPointer(pointer, "prompt")}
        value={interaction.prompt}
        onChange={(value) =>
          update((draft) => {
            draft.prompt = value;
          })
        }
        readOnly={readOnly}
      />
      <RepeatedItems
        items={interaction.buttons}
        pointer={buttonsPointer}
        label={text.buttons}
        description={definition.channel === "whatsapp" ? text.emojiAdvice : undefined}
        itemName={text.button}
        addLabel={text.addButton}
        max={maxButtons}
        min={1}
        readOnly={readOnly}
        itemKey={(button) => button.id}
        onAdd={() =>
          update((draft) => {
            draft.buttons.push({
              id: nextChildId("button", draft.buttons),
              label: text.newButton(draft.buttons.length + 1),
              dialogId: defaultDialogId,
            });
          })
        }
        onRemove={(index) => update((draft) => void draft.buttons.splice(index, 1))}
        onMove={(from, to) => update((draft) => moveItem(draft.buttons, from, to))}
        renderItem={(button, index) => (
          <Group gap="xs" align="flex-start" grow>
            <TextField
              label={text.label}
              required
              maxLength={100}
              pointer={childPointer(buttonsPointer, index, "label")}
              value={button.label}
              onChange={(value) =>
                change(index, (target) => {
                  target.label = value;
                })
              }
              readOnly={readOnly}
            />
            <DialogSelect
              required
              pointer={childPointer(buttonsPointer, index, "dialogId")}
              value={button.dialogId}
              onChange={(value) =>
                value &&
                change(index, (target) => {
                  target.dialogId = value;
                })
              }
              readOnly={readOnly}
            />
          </Group>
        )}
      />
      <SaveToField
        label={strings.interactions.fields.saveButtonText}
        pointer={childPointer(pointer, "saveTo")}
        value={interaction.saveTo}
        onChange={(value) => update((draft) => setOptional(draft, "saveTo", value))}
        readOnly={readOnly}
      />
    </Stack>
  );
}
