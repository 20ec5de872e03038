import type { z } from "zod";
import { type AssistantType, assistantTypes, type Channel, channels } from "../channels.ts";
import type { EndInteraction, Interaction } from "../interaction.ts";
import type { FieldPath } from "./field-paths.ts";

export type AnyInteraction = Interaction | EndInteraction;

/** Where an interaction sits: a dialog's list, its end, or a path of a conditional branch or business schedule. */
export type InteractionPosition = "dialog" | "end" | "conditional_branch" | "business_schedule";

/** Where an interaction may be used, as read in shared/reference/spec-notes.md and spec 04. */
export interface InteractionAvailability {
  channels: readonly Channel[];
  assistantTypes: readonly AssistantType[];
  positions: readonly InteractionPosition[];
}

/** What a reference field points at. `attribute` fields hold `{ klass or scope, attribute }`. */
export type ReferenceTarget =
  | "dialog"
  | "team"
  | "business_schedule"
  | "knowledge_base"
  | "ai_profile"
  | "workflow"
  | "klass"
  | "klass_attribute"
  | "attribute";

export interface ReferenceDescription<Value> {
  path: FieldPath<Value>;
  target: ReferenceTarget;
  /** A redirect taken without the customer answering anything (object selector: not signed in, no objects). */
  withoutAnswer?: boolean;
}

export interface NestedPathDescription<Value> {
  /** Where each path (`interactions` and an optional `redirectTo`) sits; `branches[]` is every branch. */
  path: FieldPath<Value>;
  /**
   * Names the path for the engine's cursor and for diffs, so reordering paths renames nothing. The
   * paths of a list add their own id: `branch:<id>`. Conversations in progress store these names.
   */
  key: string;
}

export interface OptionListDescription<Value> {
  /** A list whose items are told apart by `id`, and on voice by keypad `digits`. */
  path: FieldPath<Value>;
  /** What one item is called in messages: button, option, branch. */
  noun: string;
}

/** How the console edits a field. References name what they point at; `list` items have fields of their own. */
export type FieldKind =
  | "text"
  | "text_template"
  | "label"
  | "boolean"
  | "number"
  | "choice"
  | "url"
  | "keypad_digits"
  | "language"
  | "text_list"
  | "dialog"
  | "team"
  | "business_schedule"
  | "knowledge_base"
  | "ai_profile"
  | "workflow"
  | "klass"
  | "klass_attribute"
  | "attribute"
  | "attribute_value"
  | "workflow_inputs"
  | "conditions"
  | "interactions"
  | "interaction_path"
  | "list";

export interface FieldDescription<Key extends string = string> {
  /** A path from the interaction (or, for `items`, from one item of the list). */
  key: Key;
  label: string;
  kind: FieldKind;
  /** The author must fill it in: the schema requires it and has no default. */
  required: boolean;
  description?: string;
  /** The values of a `choice` field. */
  choices?: readonly string[];
  /** The fields of each item of a `list` field. */
  items?: readonly FieldDescription[];
}

/**
 * Everything Parley knows about one interaction kind apart from how it runs (that is the engine's
 * module of the same name): validation, conversion, diffs, migration and the console read this.
 */
export interface InteractionDefinition<Value extends AnyInteraction = AnyInteraction> {
  kind: Value["kind"];
  schema: z.ZodType<Value>;
  /** The name spec 04 gives it; the console and messages use it. */
  label: string;
  /** Older names other spec articles use (the tutorial's "Customer Text Response"), for search. */
  alsoKnownAs: readonly string[];
  description: string;
  /** End interactions link the dialog to the rest of the flow; a dialog has at most one. */
  end: boolean;
  availability: InteractionAvailability;
  /** The conversation goes on only once the customer answers; a cycle through it is a menu, not a loop. */
  waitsForCustomer(interaction: Value): boolean;
  nestedPaths: readonly NestedPathDescription<Value>[];
  references: readonly ReferenceDescription<Value>[];
  /** Fields customers read or hear, with `{{...}}` placeholders (snippets are referenced this way). */
  textTemplateFields: readonly FieldPath<Value>[];
  optionIds: readonly OptionListDescription<Value>[];
  /** The fields an admin fills in, in form order (`id` and `kind` are not among them). */
  fields: readonly FieldDescription<FieldPath<Value>>[];
}

/** Checks a definition's paths against its interaction's type; returns it unchanged. */
export function defineInteraction<Value extends AnyInteraction>(
  definition: InteractionDefinition<Value>,
): InteractionDefinition<Value> {
  return definition;
}

export const everyChannel: readonly Channel[] = channels;
export const everyChannelButVoice: readonly Channel[] = channels.filter((channel) => channel !== "voice");
export const everyAssistantType: readonly AssistantType[] = assistantTypes;
/** Premium and the legacy Pro: the types with automation (workflows, intents, objects). */
export const automationAssistantTypes: readonly AssistantType[] = ["premium", "pro"];

/** Regular interactions run in a dialog and in branch paths; some also in business schedule paths. */
export const inDialogsAndBranches: readonly InteractionPosition[] = ["dialog", "conditional_branch"];
export const inDialogsBranchesAndSchedules: readonly InteractionPosition[] = [
  "dialog",
  "conditional_branch",
  "business_schedule",
];
export const atDialogEnd: readonly InteractionPosition[] = ["end"];

export const neverWaits = (): boolean => false;
export const alwaysWaits = (): boolean => true;
