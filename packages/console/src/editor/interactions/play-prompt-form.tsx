import { Stack } from "@mantine/core";
import type { PlayPrompt } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { TextField } from "../fields/basic-fields.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { setOptional } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

const text = strings.interactions.playPrompt;

/** Play Prompt (voice): the text spoken to the caller, or an audio file played instead. */
export function PlayPromptForm({ interaction, pointer, update, readOnly }: InteractionFormProps<PlayPrompt>) {
  return (
    <Stack gap="sm">
      <TextTemplateField
        label={text.text}
        required
        pointer={childPointer(pointer, "text")}
        value={interaction.text}
        onChange={(value) =>
          update((draft) => {
            draft.text = value;
          })
        }
        readOnly={readOnly}
      />
      <TextField
        label={text.audioUrl}
        description={text.audioUrlHelp}
        placeholder="https://"
        pointer={childPointer(pointer, "audioUrl")}
        value={interaction.audioUrl}
        onChange={(value) => update((draft) => setOptional(draft, "audioUrl", value))}
        readOnly={readOnly}
      />
    </Stack>
  );
}
