import { textTemplatesOf } from "../interactions/interaction-fields.ts";
import { findPlaceholders, isKnownTemplateRoot, templateRoots } from "../text-template.ts";
import type { Check } from "./check-context.ts";
import { listInProse, quoted } from "./labels.ts";
import { errorAt, type Problem } from "./problem.ts";

interface TemplateField {
  text: string;
  pointer: string;
}

function settingsTemplateFields(volumeControl: {
  reminder: { message: string };
  abandon: { message: string };
  agentMissed: { message: string };
}): TemplateField[] {
  return (["reminder", "abandon", "agentMissed"] as const).map((setting) => ({
    text: volumeControl[setting].message,
    pointer: `/settings/volumeControl/${setting}/message`,
  }));
}

function checkTemplate(field: TemplateField, snippets: readonly string[] | undefined): Problem[] {
  const problems: Problem[] = [];
  for (const placeholder of findPlaceholders(field.text)) {
    const written = `{{${placeholder.expression}}}`;
    if (!isKnownTemplateRoot(placeholder.root)) {
      problems.push(
        errorAt(
          field.pointer,
          "unknown_template_root",
          `The placeholder ${written} starts with ${quoted(placeholder.root)}; placeholders start with ${listInProse(templateRoots.map((root) => quoted(root)))}, such as {{customer.name}}.`,
        ),
      );
    } else if (placeholder.path === "") {
      problems.push(
        errorAt(
          field.pointer,
          "incomplete_placeholder",
          `The placeholder ${written} names no field and would show nothing; write it as {{${placeholder.root}.<field>}}, such as {{customer.name}}.`,
        ),
      );
    } else if (
      placeholder.root === "snippet" &&
      snippets !== undefined &&
      !snippets.includes(placeholder.path)
    ) {
      problems.push(
        errorAt(
          field.pointer,
          "unknown_snippet",
          `The placeholder ${written} uses snippet ${quoted(placeholder.path)}, which this organization does not have.`,
        ),
      );
    }
  }
  return problems;
}

export const checkTextTemplates: Check = ({ assistant, sites, options }) => {
  const fields = [
    ...sites.flatMap((site) => textTemplatesOf(site.interaction, site.pointer)),
    ...settingsTemplateFields(assistant.settings.volumeControl),
  ];
  return fields.flatMap((field) => checkTemplate(field, options.snippets));
};
