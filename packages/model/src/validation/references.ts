import type { Check } from "./check-context.ts";
import { childPointer } from "./json-pointer.ts";
import { quoted } from "./labels.ts";
import { errorAt, type Problem } from "./problem.ts";
import type { ErrorCode } from "./problem-codes.ts";

/** Every redirect, in interactions, intent mappings and settings, must lead to a dialog of this assistant. */
export const checkDialogReferences: Check = ({ references, dialogIndexById }) =>
  references
    .filter((reference) => !dialogIndexById.has(reference.dialogId))
    .map((reference) => {
      const where =
        reference.source === "intent"
          ? "This intent mapping leads"
          : reference.source === "behaviour"
            ? 'The "no intent matched" behaviour redirects'
            : "This redirects";
      return errorAt(
        reference.pointer,
        "redirect_to_missing_dialog",
        `${where} to dialog ${quoted(reference.dialogId)}, but no dialog of this assistant has that id.`,
      );
    });

function unknownReference(
  known: readonly string[] | undefined,
  id: string,
  pointer: string,
  code: ErrorCode,
  what: string,
): Problem[] {
  if (known === undefined || known.includes(id)) return [];
  return [errorAt(pointer, code, `There is no ${what} ${quoted(id)} in this organization.`)];
}

/** References to things the organization owns, checked only against the lists the caller gave. */
export const checkOrganizationReferences: Check = ({ sites, options }) =>
  sites.flatMap(({ interaction, pointer }): Problem[] => {
    switch (interaction.kind) {
      case "business_schedule":
        return unknownReference(
          options.schedules,
          interaction.scheduleId,
          childPointer(pointer, "scheduleId"),
          "unknown_business_schedule",
          "business schedule",
        );
      case "ai_response":
      case "article_deflection":
        return unknownReference(
          options.knowledgeBases,
          interaction.knowledgeBaseId,
          childPointer(pointer, "knowledgeBaseId"),
          "unknown_knowledge_base",
          "knowledge base",
        );
      case "run_workflow":
        return unknownReference(
          options.workflows,
          interaction.workflowId,
          childPointer(pointer, "workflowId"),
          "unknown_workflow",
          "workflow",
        );
      case "object_selector": {
        if (options.klasses === undefined) return [];
        const klass = options.klasses.find((candidate) => candidate.name === interaction.klass);
        if (klass === undefined) {
          return [
            errorAt(
              childPointer(pointer, "klass"),
              "unknown_klass",
              `There is no Klass ${quoted(interaction.klass)} in this organization.`,
            ),
          ];
        }
        return Object.entries(interaction.card)
          .filter((entry): entry is [string, string] => typeof entry[1] === "string")
          .filter(([, attribute]) => !klass.attributes.some((candidate) => candidate.name === attribute))
          .map(([field, attribute]) =>
            errorAt(
              childPointer(pointer, "card", field),
              "unknown_klass_attribute",
              `The Klass ${quoted(klass.name)} has no attribute ${quoted(attribute)} to show as the card's ${field}.`,
            ),
          );
      }
      default:
        return [];
    }
  });
