import { featureAvailability, isWhatsappChannel } from "@parley/model";
import { type Outcome, redirect } from "./outcome.ts";
import type { Turn } from "./turn-context.ts";

/** Intents need a detector in the environment and an assistant type that has them (not Lite). */
function intentsEnabled(turn: Turn): boolean {
  return (
    turn.environment.detectIntent !== undefined &&
    featureAvailability.intents.types.includes(turn.assistant.type)
  );
}

/**
 * Runs intent detection on the customer's words and returns the dialog the
 * assistant maps the detected intent to, or null. Lite assistants have no intents.
 */
export function findIntentDialog(turn: Turn, text: string): string | null {
  const detect = turn.environment.detectIntent;
  if (!detect || !intentsEnabled(turn)) return null;
  const detected = detect(text, turn.language);
  if (!detected) return null;
  const mapping = turn.assistant.intents.find((candidate) => candidate.intent === detected.intent);
  turn.emit({
    type: "intent.detected",
    intent: detected.intent,
    score: detected.score,
    reason: detected.reason,
    ...(mapping ? { dialogId: mapping.dialogId } : {}),
  });
  return mapping?.dialogId ?? null;
}

/**
 * Intent first: a mapped intent redirects. Otherwise, on WhatsApp, the
 * assistant's "no intent matched" behaviour may redirect too (spec 08).
 * Returns null to let the interaction carry on.
 */
export function followIntent(turn: Turn, text: string): Outcome | null {
  const dialogId = findIntentDialog(turn, text);
  if (dialogId) return redirect(dialogId);
  const fallback = turn.assistant.settings.behaviour.noIntentMatch;
  // The fallback is part of intent detection, so a Lite assistant (no intents) never takes it.
  if (intentsEnabled(turn) && isWhatsappChannel(turn.channel) && fallback.action === "redirect") {
    return redirect(fallback.dialogId);
  }
  return null;
}
