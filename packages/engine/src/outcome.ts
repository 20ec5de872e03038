import type { AnyInteractionKind, EndInteraction, Interaction } from "@parley/model";
import type { ConversationEvent } from "./events.ts";
import type { Waiting } from "./state.ts";
import type { Turn } from "./turn-context.ts";

/** What an interaction tells the flow to do next. */
export type Outcome =
  /** Go on with the interaction after this one. */
  | { type: "next" }
  /** Stop and wait for an event. */
  | { type: "wait"; waiting: Waiting }
  | { type: "redirect"; dialogId: string }
  /** Run a nested path (a branch or a schedule path), then come back after this interaction. */
  | { type: "enter"; listKey: string }
  /** The assistant is done with this conversation (transferred, ended, voicemail). */
  | { type: "finish" }
  /** The event was not an answer to this interaction: nothing changes. */
  | { type: "ignore" };

export type InteractionOfKind<Kind extends AnyInteractionKind> = Extract<
  Interaction | EndInteraction,
  { kind: Kind }
>;

/**
 * The behaviour of one interaction kind. `enter` runs when the flow reaches it;
 * `resume` receives the events that arrive while it waits.
 */
export interface InteractionModule<Kind extends AnyInteractionKind> {
  kind: Kind;
  enter(turn: Turn, interaction: InteractionOfKind<Kind>): Outcome;
  resume?(
    turn: Turn,
    interaction: InteractionOfKind<Kind>,
    waiting: Waiting,
    event: ConversationEvent,
  ): Outcome;
  /**
   * Sends again what the customer is being asked, for the reminder and voice
   * re-prompts (spec 10: "resend the last message"). Asking again from the
   * definition keeps the state small: sent messages are not stored.
   */
  repeat?(turn: Turn, interaction: InteractionOfKind<Kind>, waiting: Waiting): void;
}

export const next: Outcome = { type: "next" };
export const ignore: Outcome = { type: "ignore" };
export const finish: Outcome = { type: "finish" };

export function redirect(dialogId: string): Outcome {
  return { type: "redirect", dialogId };
}

export function wait(waiting: Waiting): Outcome {
  return { type: "wait", waiting };
}
