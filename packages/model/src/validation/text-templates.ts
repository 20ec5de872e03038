import { findPlaceholders, isKnownTemplateRoot, templateRoots } from "../text-template.ts";
import type { Check } from "./check-context.ts";
import { childPointer } from "./json-pointer.ts";
import { listInProse, quoted } from "./labels.ts";
import { errorAt, type Problem } from "./problem.ts";
import type { AnyInteraction } from "./walk.ts";

interface TemplateField {
  text: string;
  pointer: string;
}

/** The fields of each interaction that customers read or hear, with their `{{...}}` placeholders. */
function templateFieldsOf(interaction: AnyInteraction, pointer: string): TemplateField[] {
  const fields: TemplateField[] = [];
  const add = (text: string | undefined, ...segments: (string | number)[]) => {
    if (text !== undefined) fields.push({ text, pointer: childPointer(pointer, ...segments) });
  };
  switch (interaction.kind) {
    case "send_message":
    case "play_prompt":
      add(interaction.text, "text");
      break;
    case "transfer":
    case "end_conversation":
      add(interaction.message, "message");
      break;
    case "ai_response":
      add(interaction.prompt, "prompt");
      add(interaction.feedbackPrompt, "feedbackPrompt");
      add(interaction.handoverMessage, "handoverMessage");
      break;
    case "article_deflection":
      add(interaction.prompt, "prompt");
      add(interaction.foundMessage, "foundMessage");
      break;
    case "run_workflow":
      // Workflow inputs are rendered as templates when the workflow is called.
      for (const [name, value] of Object.entries(interaction.inputs)) add(value, "inputs", name);
      break;
    case "update_attribute":
      interaction.updates.forEach((update, index) => {
        if (typeof update.value === "string") add(update.value, "updates", index, "value");
      });
      break;
    case "conditional_branch":
    case "business_schedule":
    case "redirect":
      break;
    default:
      add(interaction.prompt, "prompt");
  }
  return fields;
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
    ...sites.flatMap((site) => templateFieldsOf(site.interaction, site.pointer)),
    ...settingsTemplateFields(assistant.settings.volumeControl),
  ];
  return fields.flatMap((field) => checkTemplate(field, options.snippets));
};
