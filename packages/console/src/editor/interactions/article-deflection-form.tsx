import { Group, Stack } from "@mantine/core";
import type { ArticleDeflection } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { NumberField, TextField } from "../fields/basic-fields.tsx";
import { KnowledgeBaseSelect } from "../fields/reference-selects.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { bindFields, UnderstandIntentsField } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";
import { OutcomeRedirectSelects } from "./outcome-redirect-selects.tsx";

const text = strings.interactions.articleDeflection;
const redirectKeys = ["helped", "notHelped", "noArticles"] as const;

/**
 * Article Deflection (spec 04): the knowledge base searched, how articles are offered, and the
 * redirects for an article that helped, one that did not, and no articles at all.
 */
export function ArticleDeflectionForm({
  interaction,
  pointer,
  update,
  readOnly,
}: InteractionFormProps<ArticleDeflection>) {
  const { field, optionalField } = bindFields(interaction, pointer, update, readOnly);
  return (
    <Stack gap="sm">
      <Group gap="xs" align="flex-start">
        <KnowledgeBaseSelect
          required
          {...field("knowledgeBaseId")}
          // An imported file may hold an empty id: the select shows it as none picked.
          value={interaction.knowledgeBaseId || undefined}
        />
        <NumberField label={text.maxArticles} {...field("maxArticles")} min={1} max={5} />
      </Group>
      <TextTemplateField label={strings.interactions.optionalPrompt} {...optionalField("prompt")} />
      <UnderstandIntentsField {...field("understandIntents")} />
      <TextTemplateField label={text.foundMessage} required {...field("foundMessage")} />
      <Group gap="xs" align="flex-start" grow>
        <TextField label={text.helpedLabel} required maxLength={100} {...field("helpedLabel")} />
        <TextField label={text.notHelpedLabel} required maxLength={100} {...field("notHelpedLabel")} />
      </Group>
      <OutcomeRedirectSelects
        interaction={interaction}
        pointer={pointer}
        update={update}
        readOnly={readOnly}
        outcomes={redirectKeys}
        labels={text}
      />
    </Stack>
  );
}
