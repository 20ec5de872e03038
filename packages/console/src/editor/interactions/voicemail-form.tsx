import { Stack } from "@mantine/core";
import type { Voicemail } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { NumberField } from "../fields/basic-fields.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { bindFields } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

const text = strings.interactions.voicemail;

/** Send to Voicemail (voice): the prompt played before the tone, and the longest recording. */
export function VoicemailForm({ interaction, pointer, update, readOnly }: InteractionFormProps<Voicemail>) {
  const { field } = bindFields(interaction, pointer, update, readOnly);
  return (
    <Stack gap="sm">
      <TextTemplateField label={text.prompt} required {...field("prompt")} />
      <NumberField label={text.maxSeconds} {...field("maxSeconds")} min={5} max={600} />
    </Stack>
  );
}
