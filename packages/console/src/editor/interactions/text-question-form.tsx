import { Stack } from "@mantine/core";
import type { TextQuestion } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { SaveToField } from "../fields/save-to-field.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { setOptional, UnderstandIntentsField } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

/** Customer Text Response (spec 11, step 2a): the prompt, where the reply is saved, intents. */
export function TextQuestionForm({
  interaction,
  pointer,
  update,
  readOnly,
}: InteractionFormProps<TextQuestion>) {
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
      <SaveToField
        label={strings.interactions.fields.saveReply}
        pointer={childPointer(pointer, "saveTo")}
        value={interaction.saveTo}
        onChange={(value) => update((draft) => setOptional(draft, "saveTo", value))}
        readOnly={readOnly}
      />
      <UnderstandIntentsField
        pointer={pointer}
        value={interaction.understandIntents}
        onChange={(value) =>
          update((draft) => {
            draft.understandIntents = value;
          })
        }
        readOnly={readOnly}
      />
    </Stack>
  );
}
