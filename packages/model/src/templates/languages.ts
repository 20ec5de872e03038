/** The languages every template is written in (spec 07 offers English, Spanish and Portuguese). */
export const templateLanguages = ["en", "es", "pt"] as const;
export type TemplateLanguage = (typeof templateLanguages)[number];

export function isTemplateLanguage(value: string): value is TemplateLanguage {
  return (templateLanguages as readonly string[]).includes(value);
}

/** A table of the texts one template needs, written once per language. */
export type MessageTable<Messages> = Record<TemplateLanguage, Messages>;
