import type { Severity } from "./problem.ts";

interface CodeDescription {
  severity: Severity;
  /** What the code means, for the format documentation. */
  meaning: string;
}

/**
 * Every code validation can report. Tools may rely on these names, so a code
 * is never renamed; docs/assistant-format.md lists them from this table.
 */
export const problemCodes = {
  invalid_json: {
    severity: "error",
    meaning: "The file is not valid JSON; the message gives the line and column.",
  },
  schema_version_missing: { severity: "error", meaning: "The file has no `schemaVersion`." },
  schema_version_invalid: {
    severity: "error",
    meaning: "`schemaVersion` is not a format version Parley knows.",
  },
  schema_version_unsupported: {
    severity: "error",
    meaning: "The file was written by a newer Parley; nothing else is checked.",
  },
  unknown_interaction_kind: {
    severity: "error",
    meaning: "An interaction's `kind` is not one Parley knows.",
  },
  missing_interaction_kind: { severity: "error", meaning: "An interaction has no `kind`." },
  end_interaction_misplaced: {
    severity: "error",
    meaning: "An end interaction sits in `interactions` or in a branch or schedule path instead of in `end`.",
  },
  multiple_end_interactions: { severity: "error", meaning: "A dialog has more than one end interaction." },
  not_an_end_interaction: {
    severity: "error",
    meaning: "`end` holds an interaction that is not an end interaction.",
  },
  schema_required: { severity: "error", meaning: "A required field is missing." },
  schema_invalid_type: {
    severity: "error",
    meaning: "A field holds the wrong type of value (text for a number…).",
  },
  schema_invalid_value: {
    severity: "error",
    meaning: "A field holds a value outside its list of allowed values.",
  },
  schema_invalid_format: {
    severity: "error",
    meaning: "A text field is not in its format (ids, URLs, language tags…).",
  },
  schema_too_small: { severity: "error", meaning: "A text, list or number is below its minimum." },
  schema_too_big: { severity: "error", meaning: "A text, list or number is above its maximum." },
  schema_invalid_union: { severity: "error", meaning: "A field matches none of the forms it allows." },
  schema_not_multiple_of: { severity: "error", meaning: "A number is not a multiple of the step it needs." },
  schema_unrecognized_keys: { severity: "error", meaning: "An object has fields its schema refuses." },
  schema_invalid_key: {
    severity: "error",
    meaning: "An object used as a map has a key that is not allowed.",
  },
  schema_invalid_element: {
    severity: "error",
    meaning: "A collection holds an element that is not allowed.",
  },
  schema_custom: { severity: "error", meaning: "A field breaks a rule stated by its schema." },
  unknown_field: {
    severity: "warning",
    meaning:
      "A field Parley does not know (often a misspelling); it is ignored. `$schema` at the top is allowed.",
  },
  missing_welcome_dialog: { severity: "error", meaning: "The first dialog is not named `Welcome`." },
  missing_complete_assistant_dialog: {
    severity: "warning",
    meaning: "No dialog is named `Complete Assistant`.",
  },
  duplicate_dialog_id: { severity: "error", meaning: "Two dialogs share an id." },
  duplicate_interaction_id: { severity: "error", meaning: "Two interactions of the assistant share an id." },
  duplicate_option_id: {
    severity: "error",
    meaning: "Two buttons, options or branches of one interaction share an id.",
  },
  duplicate_keypad_digits: { severity: "error", meaning: "Two options of one voice menu use the same keys." },
  type_unavailable_on_channel: {
    severity: "error",
    meaning: "The channel cannot have this type (voice is Lite only).",
  },
  interaction_unavailable_on_channel: {
    severity: "error",
    meaning: "An interaction is not available on the assistant's channel.",
  },
  interaction_unavailable_for_type: {
    severity: "error",
    meaning: "An interaction is not available on the assistant's type.",
  },
  attachments_unavailable_on_channel: {
    severity: "error",
    meaning: "A message has attachments outside WhatsApp.",
  },
  volume_control_unavailable: {
    severity: "error",
    meaning: "A volume-control setting that is on is not available on the channel or type.",
  },
  abandon_not_after_reminder: {
    severity: "error",
    meaning: "With the reminder on, the abandon time is not longer than the reminder time.",
  },
  redirect_to_missing_dialog: {
    severity: "error",
    meaning: "A redirect, intent mapping or the no-intent behaviour names a dialog that does not exist.",
  },
  unknown_business_schedule: {
    severity: "error",
    meaning: "A business schedule id is not in the list given.",
  },
  unknown_knowledge_base: { severity: "error", meaning: "A knowledge base id is not in the list given." },
  unknown_workflow: { severity: "error", meaning: "A workflow id is not in the list given." },
  unknown_klass: { severity: "error", meaning: "An object selector's Klass is not among the Klasses given." },
  unknown_klass_attribute: {
    severity: "error",
    meaning: "An object selector card shows an attribute its Klass lacks.",
  },
  unlinked_dialog: {
    severity: "error",
    meaning: "A dialog can run to its end and has no end interaction (the editor's red anchor).",
  },
  unreachable_after_branch: {
    severity: "error",
    meaning: "Interactions or an end follow a conditional branch (or schedule) whose every path redirects.",
  },
  kind_not_allowed_in_business_schedule: {
    severity: "error",
    meaning: "A business schedule path holds a kind that schedules do not allow.",
  },
  unreachable_dialog: {
    severity: "warning",
    meaning: "No redirect or intent leads to the dialog from Welcome; only a rule could start it.",
  },
  endless_loop: {
    severity: "error",
    meaning: "Dialogs can redirect to one another forever without waiting for the customer.",
  },
  too_many_list_options: { severity: "error", meaning: "A list selector has more than 10 options." },
  intents_unavailable_for_type: { severity: "error", meaning: "Intents are used on a Lite assistant." },
  duplicate_intent_mapping: { severity: "error", meaning: "An intent is mapped to more than one dialog." },
  unknown_intent: { severity: "error", meaning: "A mapped intent is not in the list given." },
  understand_intents_without_mappings: {
    severity: "warning",
    meaning: "An interaction understands intents but no intent is mapped.",
  },
  intent_mappings_unused: {
    severity: "warning",
    meaning: "Intents are mapped but no interaction understands intents.",
  },
  no_intent_behaviour_not_applicable: {
    severity: "warning",
    meaning: "The no-intent redirect is set on a channel other than WhatsApp, where it does nothing.",
  },
  unknown_template_root: {
    severity: "error",
    meaning: "A `{{...}}` placeholder starts with an unknown root.",
  },
  incomplete_placeholder: {
    severity: "error",
    meaning: "A placeholder names a root but no field, such as `{{customer}}`.",
  },
  unknown_snippet: { severity: "error", meaning: "A `{{snippet.…}}` names a snippet not in the list given." },
  operator_not_allowed_for_attribute: {
    severity: "error",
    meaning: "A condition's operator does not fit the attribute's type.",
  },
  condition_value_missing: {
    severity: "error",
    meaning: "A condition's operator needs a value and has none.",
  },
  condition_value_invalid: {
    severity: "error",
    meaning: "A condition's value is a list where one value is needed, or the reverse.",
  },
  attribute_not_updatable: {
    severity: "error",
    meaning: "Update attribute changes a standard attribute that assistants may not change.",
  },
} as const satisfies Record<string, CodeDescription>;

export type ProblemCode = keyof typeof problemCodes;

type CodesOf<Wanted extends Severity> = {
  [Code in ProblemCode]: (typeof problemCodes)[Code]["severity"] extends Wanted ? Code : never;
}[ProblemCode];

export type ErrorCode = CodesOf<"error">;
export type WarningCode = CodesOf<"warning">;

export function isProblemCode(code: string): code is ProblemCode {
  return Object.hasOwn(problemCodes, code);
}
