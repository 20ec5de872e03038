import { Stack } from "@mantine/core";
import type { ButtonQuestion } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { TextField } from "../fields/basic-fields.tsx";
import { nextChildId } from "../fields/child-ids.ts";
import { RepeatedItems } from "../fields/repeated-items.tsx";
import { SaveToField } from "../fields/save-to-field.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { bindFields, bindItems } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

const text = strings.interactions.buttonQuestion;
const maxButtons = 10;

/** Button Question: the prompt, up to 10 response buttons, and where the chosen text is saved. */
export function ButtonQuestionForm({
  interaction,
  pointer,
  update,
  readOnly,
}: InteractionFormProps<ButtonQuestion>) {
  const { field, optionalField } = bindFields(interaction, pointer, update, readOnly);
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
            });
          })
        }
        onRemove={buttons.onRemove}
        onMove={buttons.onMove}
        renderItem={(_button, index) => (
          <TextField label={text.label} required maxLength={100} {...buttons.item(index).field("label")} />
        )}
      />
      <SaveToField label={strings.interactions.fields.saveButtonText} {...optionalField("saveTo")} />
    </Stack>
  );
}
