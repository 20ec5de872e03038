import { Stack } from "@mantine/core";
import type { PlayPrompt } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { TextField } from "../fields/basic-fields.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { bindFields } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

const text = strings.interactions.playPrompt;

/** Play Prompt (voice): the text spoken to the caller, or an audio file played instead. */
export function PlayPromptForm({ interaction, pointer, update, readOnly }: InteractionFormProps<PlayPrompt>) {
  const { field, optionalField } = bindFields(interaction, pointer, update, readOnly);
  return (
    <Stack gap="sm">
      <TextTemplateField label={text.text} required {...field("text")} />
      <TextField
        label={text.audioUrl}
        description={text.audioUrlHelp}
        placeholder="https://"
        {...optionalField("audioUrl")}
      />
    </Stack>
  );
}
