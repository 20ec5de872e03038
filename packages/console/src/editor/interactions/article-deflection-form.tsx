import { Group, Stack } from "@mantine/core";
import type { ArticleDeflection } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { NumberField, TextField } from "../fields/basic-fields.tsx";
import { DialogSelect, KnowledgeBaseSelect } from "../fields/reference-selects.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { setOptional, UnderstandIntentsField } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

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
  const redirects = childPointer(pointer, "redirects");
  return (
    <Stack gap="sm">
      <Group gap="xs" align="flex-start">
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
        <NumberField
          label={text.maxArticles}
          pointer={childPointer(pointer, "maxArticles")}
          value={interaction.maxArticles}
          min={1}
          max={5}
          onChange={(value) =>
            value !== undefined &&
            update((draft) => {
              draft.maxArticles = value;
            })
          }
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
        label={text.foundMessage}
        required
        pointer={childPointer(pointer, "foundMessage")}
        value={interaction.foundMessage}
        onChange={(value) =>
          update((draft) => {
            draft.foundMessage = value;
          })
        }
        readOnly={readOnly}
      />
      <Group gap="xs" align="flex-start" grow>
        <TextField
          label={text.helpedLabel}
          required
          maxLength={100}
          pointer={childPointer(pointer, "helpedLabel")}
          value={interaction.helpedLabel}
          onChange={(value) =>
            update((draft) => {
              draft.helpedLabel = value;
            })
          }
          readOnly={readOnly}
        />
        <TextField
          label={text.notHelpedLabel}
          required
          maxLength={100}
          pointer={childPointer(pointer, "notHelpedLabel")}
          value={interaction.notHelpedLabel}
          onChange={(value) =>
            update((draft) => {
              draft.notHelpedLabel = value;
            })
          }
          readOnly={readOnly}
        />
      </Group>
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
    </Stack>
  );
}
