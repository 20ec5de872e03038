import { z } from "zod";
import { LanguageTag } from "../channels.ts";
import { Identifier, Label, TextTemplate } from "../identifiers.ts";
import { alwaysWaits, defineInteraction, inDialogsAndBranches } from "./definition.ts";

const description = "Voice: lets the caller choose the conversation's language.";

export const CollectLanguagePreference = z
  .object({
    id: Identifier,
    kind: z.literal("collect_language_preference"),
    prompt: TextTemplate,
    options: z
      .array(
        z.object({
          digits: z.string().regex(/^[0-9]$/, "must be one keypad digit"),
          language: LanguageTag,
          label: Label,
        }),
      )
      .min(2, "needs at least two languages")
      .max(9),
  })
  .meta({ id: "CollectLanguagePreference", description });
export type CollectLanguagePreference = z.infer<typeof CollectLanguagePreference>;

export const collectLanguagePreferenceDefinition = defineInteraction<CollectLanguagePreference>({
  kind: "collect_language_preference",
  schema: CollectLanguagePreference,
  label: "Collect language preference",
  alsoKnownAs: [],
  description,
  end: false,
  availability: { channels: ["voice"], assistantTypes: ["lite"], positions: inDialogsAndBranches },
  waitsForCustomer: alwaysWaits,
  nestedPaths: [],
  references: [],
  textTemplateFields: ["prompt"],
  // Its options have no ids, but their keys must differ.
  optionIds: [{ path: "options", noun: "option" }],
  fields: [
    { key: "prompt", label: "Prompt", kind: "text_template", required: true },
    {
      key: "options",
      label: "Languages",
      kind: "list",
      required: true,
      items: [
        { key: "digits", label: "Key", kind: "keypad_digits", required: true },
        { key: "language", label: "Language", kind: "language", required: true },
        { key: "label", label: "Name", kind: "label", required: true },
      ],
    },
  ],
});
