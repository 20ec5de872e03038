import { Stack } from "@mantine/core";
import { feedbackDesigns, type RequestFeedback } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { SelectField } from "../fields/basic-fields.tsx";
import { DialogSelect } from "../fields/reference-selects.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { bindFields } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

const text = strings.interactions.requestFeedback;

/** Request Feedback (spec 04): the question, one of 3 button designs, and a redirect per answer. */
export function RequestFeedbackForm({
  interaction,
  pointer,
  update,
  readOnly,
}: InteractionFormProps<RequestFeedback>) {
  const { field, nested } = bindFields(interaction, pointer, update, readOnly);
  const redirect = nested("redirects");
  return (
    <Stack gap="sm">
      <TextTemplateField label={strings.interactions.prompt} required {...field("prompt")} />
      <SelectField
        label={text.design}
        pointer={childPointer(pointer, "design")}
        value={interaction.design}
        data={feedbackDesigns.map((design) => ({ value: design, label: text.designs[design] ?? design }))}
        onChange={(value) =>
          value &&
          update((draft) => {
            draft.design = value as RequestFeedback["design"];
            // Only the emoji design has a neutral button.
            if (draft.design !== "emoji") delete draft.redirects.neutral;
          })
        }
        readOnly={readOnly}
        w={240}
      />
      <DialogSelect label={text.positive} required {...redirect.field("positive")} />
      {interaction.design === "emoji" && (
        <DialogSelect
          label={text.neutral}
          description={text.neutralHelp}
          clearable
          {...redirect.optionalField("neutral")}
        />
      )}
      <DialogSelect label={text.negative} required {...redirect.field("negative")} />
    </Stack>
  );
}
