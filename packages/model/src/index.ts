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
export { businessScheduleInnerKinds } from "./interactions/business-schedule.ts";
export { Button } from "./interactions/button-question.ts";
export type { Branch } from "./interactions/conditional-branch.ts";
export type { InteractionPath } from "./interactions/interaction-path.ts";
export { maxListOptions } from "./interactions/list-selector.ts";
export {
  type FeedbackDesign,
  type FeedbackOutcome,
  feedbackDesigns,
} from "./interactions/request-feedback.ts";
export { Attachment, attachmentMediaTypes } from "./interactions/send-message.ts";
export * from "./schedule.ts";
export * from "./settings.ts";
export * from "./snippet.ts";
export * from "./templates/index.ts";
export * from "./text-template.ts";
export * from "./validation/index.ts";
