import { Group, Stack } from "@mantine/core";
import type { NavigationButtons } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { useDraftEditor } from "../draft-editor.tsx";
import { TextField } from "../fields/basic-fields.tsx";
import { nextChildId } from "../fields/child-ids.ts";
import { DialogSelect } from "../fields/reference-selects.tsx";
import { RepeatedItems } from "../fields/repeated-items.tsx";
import { SaveToField } from "../fields/save-to-field.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { bindFields, bindItems, useDefaultDialogId } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

const text = strings.interactions.navigationButtons;
const maxButtons = 10;

/** Navigation Buttons (spec 04): the prompt and up to 10 buttons, each leading to a dialog. */
export function NavigationButtonsForm({
  interaction,
  pointer,
  update,
  readOnly,
}: InteractionFormProps<NavigationButtons>) {
  const { field, optionalField } = bindFields(interaction, pointer, update, readOnly);
  const { definition } = useDraftEditor();
  const defaultDialogId = useDefaultDialogId();
  const buttons = bindItems(
    interaction.buttons,
    childPointer(pointer, "buttons"),
    (recipe) => update((draft) => recipe(draft.buttons)),
    readOnly,
  );
  return (
    <Stack gap="sm">
      <TextTemplateField label={strings.interactions.prompt} required {...field("prompt")} />
      <RepeatedItems
        items={interaction.buttons}
        pointer={childPointer(pointer, "buttons")}
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
        onRemove={buttons.onRemove}
        onMove={buttons.onMove}
        renderItem={(_button, index) => (
          <Group gap="xs" align="flex-start" grow>
            <TextField label={text.label} required maxLength={100} {...buttons.item(index).field("label")} />
            <DialogSelect required {...buttons.item(index).field("dialogId")} />
          </Group>
        )}
      />
      <SaveToField label={strings.interactions.fields.saveButtonText} {...optionalField("saveTo")} />
    </Stack>
  );
}
