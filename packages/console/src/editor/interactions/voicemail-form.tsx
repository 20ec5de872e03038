import { Stack } from "@mantine/core";
import type { Voicemail } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { NumberField } from "../fields/basic-fields.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

const text = strings.interactions.voicemail;

/** Send to Voicemail (voice): the prompt played before the tone, and the longest recording. */
export function VoicemailForm({ interaction, pointer, update, readOnly }: InteractionFormProps<Voicemail>) {
  return (
    <Stack gap="sm">
      <TextTemplateField
        label={text.prompt}
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
      <NumberField
        label={text.maxSeconds}
        pointer={childPointer(pointer, "maxSeconds")}
        value={interaction.maxSeconds}
        min={5}
        max={600}
        onChange={(value) =>
          value !== undefined &&
          update((draft) => {
            draft.maxSeconds = value;
          })
        }
        readOnly={readOnly}
      />
    </Stack>
  );
}
