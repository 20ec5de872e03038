import { Group, Stack } from "@mantine/core";
import type { AiResponse } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { NumberField } from "../fields/basic-fields.tsx";
import {
  AiProfileSelect,
  DialogSelect,
  KnowledgeBaseSelect,
  TeamSelect,
} from "../fields/reference-selects.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { setOptional, UnderstandIntentsField } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

const text = strings.interactions.aiResponse;
const redirectKeys = ["answered", "notAnswered", "negativeFeedback"] as const;

/**
 * AI Response (spec 07): answers from the knowledge base with an AI profile's instructions, asks
 * whether it helped, redirects per outcome, and hands over after the set number of failed attempts.
 */
export function AiResponseForm({ interaction, pointer, update, readOnly }: InteractionFormProps<AiResponse>) {
  const redirects = childPointer(pointer, "redirects");
  return (
    <Stack gap="sm">
      <Group gap="xs" align="flex-start" grow>
        <KnowledgeBaseSelect
          required
          pointer={childPointer(pointer, "knowledgeBaseId")}
          value={interaction.knowledgeBaseId || undefined}
          onChange={(value) =>
            value &&
            update((draft) => {
              draft.knowledgeBaseId = value;
            })
          }
          readOnly={readOnly}
        />
        <AiProfileSelect
          clearable
          pointer={childPointer(pointer, "aiProfileId")}
          value={interaction.aiProfileId}
          onChange={(value) => update((draft) => setOptional(draft, "aiProfileId", value))}
          readOnly={readOnly}
        />
      </Group>
      <TextTemplateField
        label={strings.interactions.optionalPrompt}
        pointer={childPointer(pointer, "prompt")}
        value={interaction.prompt}
        onChange={(value) => update((draft) => setOptional(draft, "prompt", value))}
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
      <TextTemplateField
        label={text.feedbackPrompt}
        required
        pointer={childPointer(pointer, "feedbackPrompt")}
        value={interaction.feedbackPrompt}
        onChange={(value) =>
          update((draft) => {
            draft.feedbackPrompt = value;
          })
        }
        readOnly={readOnly}
      />
      {redirectKeys.map((key) => (
        <DialogSelect
          key={key}
          label={text[key]}
          required
          pointer={childPointer(redirects, key)}
          value={interaction.redirects[key]}
          onChange={(value) =>
            value &&
            update((draft) => {
              draft.redirects[key] = value;
            })
          }
          readOnly={readOnly}
        />
      ))}
      <NumberField
        label={text.attempts}
        description={text.attemptsHelp}
        pointer={childPointer(pointer, "attemptsBeforeHandover")}
        value={interaction.attemptsBeforeHandover}
        min={1}
        max={10}
        onChange={(value) =>
          value !== undefined &&
          update((draft) => {
            draft.attemptsBeforeHandover = value;
          })
        }
        readOnly={readOnly}
      />
      <TextTemplateField
        label={text.handoverMessage}
        pointer={childPointer(pointer, "handoverMessage")}
        value={interaction.handoverMessage}
        onChange={(value) => update((draft) => setOptional(draft, "handoverMessage", value))}
        readOnly={readOnly}
      />
      <TeamSelect
        label={text.handoverTeam}
        clearable
        pointer={childPointer(pointer, "handoverTeamId")}
        value={interaction.handoverTeamId}
        onChange={(value) => update((draft) => setOptional(draft, "handoverTeamId", value))}
        readOnly={readOnly}
      />
    </Stack>
  );
}
