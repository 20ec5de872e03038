import type { EffectType } from "@parley/engine";

/** Every effect type, for checking `expect: { effects: [...] }` in test files. */
export const effectTypes = [
  "message.send",
  "attribute.set",
  "workflow.call",
  "articles.search",
  "answer.request",
  "objects.lookup",
  "timer.schedule",
  "timer.cancel",
  "status.set",
  "conversation.transfer",
  "conversation.end",
  "voicemail.record",
  "feedback.record",
  "follow_up.record",
  "intent.detected",
] as const satisfies readonly EffectType[];

// A new effect type in the engine must be added above: this line stops compiling until it is.
const everyEffectTypeListed: Exclude<EffectType, (typeof effectTypes)[number]> extends never ? true : never =
  true;
void everyEffectTypeListed;
