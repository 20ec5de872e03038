import { Stack } from "@mantine/core";
import type { ButtonQuestion } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { TextField } from "../fields/basic-fields.tsx";
import { nextChildId } from "../fields/child-ids.ts";
import { moveItem, RepeatedItems } from "../fields/repeated-items.tsx";
import { SaveToField } from "../fields/save-to-field.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { setOptional } from "./form-helpers.tsx";
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
  const buttonsPointer = childPointer(pointer, "buttons");
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
        onRemove={(index) => update((draft) => void draft.buttons.splice(index, 1))}
        onMove={(from, to) => update((draft) => moveItem(draft.buttons, from, to))}
        renderItem={(button, index) => (
          <TextField
            label={text.label}
            required
            maxLength={100}
            pointer={childPointer(buttonsPointer, index, "label")}
            value={button.label}
            onChange={(value) =>
              update((draft) => {
                const target = draft.buttons[index];
                if (target) target.label = value;
              })
            }
            readOnly={readOnly}
          />
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
