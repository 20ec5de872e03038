import type { KlassDefinition } from "../attributes.ts";
import type { ReferenceTarget } from "../interactions/definition.ts";
import { type ReferenceSite, referencesOf } from "../interactions/interaction-fields.ts";
import type { Check } from "./check-context.ts";
import { quoted } from "./labels.ts";
import { errorAt, type Problem, type ValidationOptions } from "./problem.ts";
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

type IdList = "schedules" | "knowledgeBases" | "workflows";

/** The reference targets checked against a list of ids the caller gave. */
const idLists: Partial<Record<ReferenceTarget, { list: IdList; code: ErrorCode; what: string }>> = {
  business_schedule: { list: "schedules", code: "unknown_business_schedule", what: "business schedule" },
  knowledge_base: { list: "knowledgeBases", code: "unknown_knowledge_base", what: "knowledge base" },
  workflow: { list: "workflows", code: "unknown_workflow", what: "workflow" },
};

function checkIdReference(reference: ReferenceSite, options: ValidationOptions): Problem[] {
  const checked = idLists[reference.target];
  const known = checked === undefined ? undefined : options[checked.list];
  if (checked === undefined || known === undefined || typeof reference.value !== "string") return [];
  if (known.includes(reference.value)) return [];
  return [
    errorAt(
      reference.pointer,
      checked.code,
      `There is no ${checked.what} ${quoted(reference.value)} in this organization.`,
    ),
  ];
}

/** A Klass the organization lacks, or else the card attributes that Klass lacks. */
function checkKlassReferences(
  references: readonly ReferenceSite[],
  klasses: readonly KlassDefinition[],
): Problem[] {
  const klassReference = references.find((reference) => reference.target === "klass");
  if (klassReference === undefined) return [];
  const klass = klasses.find((candidate) => candidate.name === klassReference.value);
  if (klass === undefined) {
    return [
      errorAt(
        klassReference.pointer,
        "unknown_klass",
        `There is no Klass ${quoted(String(klassReference.value))} in this organization.`,
      ),
    ];
  }
  return references
    .filter((reference) => reference.target === "klass_attribute")
    .filter((reference) => !klass.attributes.some((candidate) => candidate.name === reference.value))
    .map((reference) =>
      errorAt(
        reference.pointer,
        "unknown_klass_attribute",
        `The Klass ${quoted(klass.name)} has no attribute ${quoted(String(reference.value))} to show as the card's ${reference.pointer.split("/").at(-1)}.`,
      ),
    );
}

/** References to things the organization owns, checked only against the lists the caller gave. */
export const checkOrganizationReferences: Check = ({ sites, options }) =>
  sites.flatMap(({ interaction, pointer }): Problem[] => {
    const references = referencesOf(interaction, pointer);
    return [
      ...references.flatMap((reference) => checkIdReference(reference, options)),
      ...(options.klasses === undefined ? [] : checkKlassReferences(references, options.klasses)),
    ];
  });
