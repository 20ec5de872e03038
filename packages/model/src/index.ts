export * from "./assistant.ts";
export * from "./attributes.ts";
export * from "./capabilities.ts";
export * from "./channels.ts";
export * from "./condition.ts";
export * from "./condition-evaluation.ts";
export * from "./convert.ts";
export * from "./dialog.ts";
export * from "./identifiers.ts";
export * from "./interaction.ts";
export { Button } from "./interactions/button-question.ts";
export type { Branch } from "./interactions/conditional-branch.ts";
export type {
  AnyInteraction,
  FieldDescription,
  FieldKind,
  InteractionAvailability,
  InteractionDefinition,
  InteractionPosition,
  NestedPathDescription,
  OptionListDescription,
  ReferenceDescription,
  ReferenceTarget,
} from "./interactions/definition.ts";
export { type FieldPath, type FoundValue, updateValuesAt, valuesAt } from "./interactions/field-paths.ts";
export {
  type DialogReference,
  dialogReferencesOf,
  type ReferenceSite,
  referencesOf,
  type TextTemplateSite,
  textTemplatesOf,
} from "./interactions/interaction-fields.ts";
export type { InteractionPath } from "./interactions/interaction-path.ts";
export { maxListOptions } from "./interactions/list-selector.ts";
export * from "./interactions/registry.ts";
export {
  type FeedbackDesign,
  type FeedbackOutcome,
  feedbackDesigns,
} from "./interactions/request-feedback.ts";
export { Attachment, attachmentMediaTypes } from "./interactions/send-message.ts";
export * from "./interactions/walk.ts";
export * from "./schedule.ts";
export * from "./settings.ts";
export * from "./snippet.ts";
export * from "./strongly-connected-groups.ts";
export * from "./templates/index.ts";
export * from "./text-template.ts";
export * from "./validation/index.ts";
