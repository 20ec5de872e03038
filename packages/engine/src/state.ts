import { z } from "zod";
import { timerNames } from "./events.ts";
import { assistantStatuses } from "./status.ts";

export const currentStateVersion = 1;

/**
 * What the conversation is waiting for. `interactionId` names the interaction
 * that asked; `requestId` the effect whose result is due; `options` the choice
 * ids that answer it (object cards or follow-up channels are not in the
 * definition, so they are kept here).
 */
export const Waiting = z.object({
  for: z.enum(["text", "choice", "input", "result", "follow_up_channel", "follow_up_contact", "agent"]),
  interactionId: z.string().optional(),
  requestId: z.string().optional(),
  /** A sub-step of the interaction, such as `feedback` after an AI answer. */
  step: z.string().optional(),
  options: z.array(z.string()).optional(),
  /** Small values an interaction needs when the answer comes back. */
  data: z.record(z.string(), z.unknown()).optional(),
});
export type Waiting = z.infer<typeof Waiting>;

/**
 * The cursor is a stack of frames `[listKey, index]`: the dialog's own list at
 * the bottom, nested paths of branches and schedules above it. Keys are
 * `dialogId` or `interactionId/pathName`, so a frame survives JSON round trips.
 */
export const Frame = z.tuple([z.string(), z.number().int().min(0)]);
export type Frame = z.infer<typeof Frame>;

type TimerShape = { [Name in (typeof timerNames)[number]]: z.ZodOptional<z.ZodString> };

export const ConversationState = z.object({
  version: z.literal(currentStateVersion),
  status: z.enum(assistantStatuses),
  language: z.string(),
  dialogId: z.string().nullable(),
  frames: z.array(Frame),
  waiting: Waiting.nullable(),
  /** Values the assistant saved during the conversation, keyed `klass.attribute`. */
  attributes: z.record(z.string(), z.unknown()),
  /** The customer's latest text, read by `message.text` conditions and AI responses. */
  lastCustomerText: z.string().nullable(),
  /** Failed AI attempts and voice re-prompts so far. */
  counters: z.object({
    aiFailures: z.number().int().min(0).optional(),
    reprompts: z.number().int().min(0).optional(),
  }),
  /**
   * The id of each timer that is set; a fired timer with another id is stale.
   * Fixed keys rather than a record: a turn parses the state, and objects parse several times faster.
   */
  timers: z.object(Object.fromEntries(timerNames.map((name) => [name, z.string().optional()])) as TimerShape),
  /** Source of request and timer ids, unique within the conversation. */
  sequence: z.number().int().min(0),
  /** Whether an agent has replied since the transfer; the first reply stops the missed timer. */
  agentReplied: z.boolean(),
});
export type ConversationState = z.infer<typeof ConversationState>;

/**
 * A private copy for one turn. The state is plain JSON of a known shape, so
 * copying the parts a turn may change is several times cheaper than
 * `structuredClone`, which dominated the cost of a turn.
 */
export function copyState(state: ConversationState): ConversationState {
  return {
    ...state,
    frames: state.frames.map((frame) => [frame[0], frame[1]]),
    waiting: state.waiting ? { ...state.waiting } : null,
    attributes: { ...state.attributes },
    counters: { ...state.counters },
    timers: { ...state.timers },
  };
}

export class StateError extends Error {
  override name = "StateError";
}

/**
 * Reads stored state. Older versions are migrated here; a newer one means the
 * conversation was written by newer code and must not be guessed at.
 */
export function parseState(input: unknown): ConversationState {
  const version = (input as { version?: unknown } | null)?.version;
  if (typeof version === "number" && version > currentStateVersion) {
    throw new StateError(
      `conversation state version ${version} is newer than this engine (${currentStateVersion})`,
    );
  }
  const result = ConversationState.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new StateError(
      `invalid conversation state at /${issue?.path.join("/") ?? ""}: ${issue?.message ?? ""}`,
    );
  }
  return result.data;
}
