import { Group, Stack } from "@mantine/core";
import type { AiResponse } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { NumberField } from "../fields/basic-fields.tsx";
import { AiProfileSelect, KnowledgeBaseSelect, TeamSelect } from "../fields/reference-selects.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { bindFields, UnderstandIntentsField } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";
import { OutcomeRedirectSelects } from "./outcome-redirect-selects.tsx";

const text = strings.interactions.aiResponse;
const redirectKeys = ["answered", "notAnswered", "negativeFeedback"] as const;

/**
 * AI Response (spec 07): answers from the knowledge base with an AI profile's instructions, asks
 * whether it helped, redirects per outcome, and hands over after the set number of failed attempts.
 */
export function AiResponseForm({ interaction, pointer, update, readOnly }: InteractionFormProps<AiResponse>) {
  const { field, optionalField } = bindFields(interaction, pointer, update, readOnly);
  return (
    <Stack gap="sm">
      <Group gap="xs" align="flex-start" grow>
        <KnowledgeBaseSelect
          required
          {...field("knowledgeBaseId")}
          // An imported file may hold an empty id: the select shows it as none picked.
          value={interaction.knowledgeBaseId || undefined}
        />
        <AiProfileSelect clearable {...optionalField("aiProfileId")} />
      </Group>
      <TextTemplateField label={strings.interactions.optionalPrompt} {...optionalField("prompt")} />
      <UnderstandIntentsField {...field("understandIntents")} />
      <TextTemplateField label={text.feedbackPrompt} required {...field("feedbackPrompt")} />
      <OutcomeRedirectSelects
        interaction={interaction}
        pointer={pointer}
        update={update}
        readOnly={readOnly}
        outcomes={redirectKeys}
        labels={text}
      />
      <NumberField
        label={text.attempts}
        description={text.attemptsHelp}
        {...field("attemptsBeforeHandover")}
        min={1}
        max={10}
      />
      <TextTemplateField label={text.handoverMessage} {...optionalField("handoverMessage")} />
      <TeamSelect label={text.handoverTeam} clearable {...optionalField("handoverTeamId")} />
    </Stack>
  );
}
