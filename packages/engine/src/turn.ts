import type { Assistant } from "@parley/model";
import { onAgentMissed, onChoiceTimeout, resumeFollowUp } from "./agent-missed.ts";
import type { Effect } from "./effects.ts";
import type { EngineEnvironment, StartContext } from "./environment.ts";
import type { ConversationEvent, TimerFiredEvent } from "./events.ts";
import { runFlow } from "./flow.ts";
import { transferOnError } from "./handover.ts";
import { interactionModule } from "./interactions/index.ts";
import { redirect } from "./outcome.ts";
import { rememberedText } from "./remembered-text.ts";
import { type ConversationState, copyState, currentStateVersion } from "./state.ts";
import { Turn } from "./turn-context.ts";
import { disarmCustomerTimers, onAbandon, onReminder, onVoiceReprompt } from "./volume-control.ts";

export interface TurnResult {
  state: ConversationState;
  effects: Effect[];
}

/** `es-es` becomes `es-ES`; anything that is not a language tag falls back to the assistant's language. */
function conversationLanguage(requested: unknown, fallback: string): string {
  if (typeof requested !== "string") return fallback;
  // The tag may be followed by more subtags or a list (`en-US,en;q=0.9`), but not by more letters (`english`).
  const match = /^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z0-9]{2,8}))?(?![a-zA-Z0-9])/.exec(requested.trim());
  if (!match?.[1]) return fallback;
  return match[2] ? `${match[1].toLowerCase()}-${match[2].toUpperCase()}` : match[1].toLowerCase();
}

export function initialState(language: string): ConversationState {
  return {
    version: currentStateVersion,
    status: "running",
    language,
    dialogId: null,
    frames: [],
    waiting: null,
    attributes: {},
    lastCustomerText: null,
    counters: {},
    timers: {},
    sequence: 0,
    agentReplied: false,
  };
}

/**
 * Errors never escape: any failure inside the engine hands the conversation to
 * an agent (spec 12), starting again from the state the turn was given.
 */
function runTurn(
  assistant: Assistant,
  state: ConversationState,
  environment: EngineEnvironment,
  work: (turn: Turn) => void,
): TurnResult {
  const turn = new Turn(assistant, copyState(state), environment);
  try {
    work(turn);
    return { state: turn.state, effects: turn.effects };
  } catch (error) {
    if (state.status !== "running") return { state, effects: [] };
    const recovery = new Turn(assistant, copyState(state), environment);
    transferOnError(recovery, error);
    return { state: recovery.state, effects: recovery.effects };
  }
}

/** Starts a conversation in the dialog a rule chose, or in Welcome. */
export function start(
  assistant: Assistant,
  context: StartContext,
  environment: EngineEnvironment,
): TurnResult {
  const language = conversationLanguage(
    context.language ?? environment.attributes?.session?.language,
    assistant.defaultLanguage,
  );
  return runTurn(assistant, initialState(language), environment, (turn) => {
    const dialogId = context.startDialogId ?? assistant.dialogs[0]?.id;
    if (!dialogId) throw new Error("the assistant has no dialogs");
    runFlow(turn, redirect(dialogId));
  });
}

/** Applies one event to a conversation and returns the new state and what to do. */
export function advance(
  assistant: Assistant,
  state: ConversationState,
  event: ConversationEvent,
  environment: EngineEnvironment,
): TurnResult {
  return runTurn(assistant, state, environment, (turn) => handle(turn, event));
}

function handle(turn: Turn, event: ConversationEvent): void {
  const state = turn.state;
  switch (event.type) {
    case "timer.fired":
      onTimer(turn, event);
      return;
    case "agent.assigned":
      return;
    case "agent.replied":
      state.agentReplied = true;
      turn.cancelTimers(["missed", "choice_timeout"]);
      if (state.status === "running") {
        // An agent stepping in while the assistant runs takes the conversation over (spec 12).
        state.waiting = null;
        state.frames = [];
        disarmCustomerTimers(turn);
        turn.setStatus("interrupted", "an agent replied while the assistant was running");
      } else if (state.waiting?.for.startsWith("follow_up")) {
        state.waiting = null;
      }
      return;
    case "agent.done":
      state.waiting = null;
      state.frames = [];
      turn.cancelTimers(["reminder", "abandon", "voice_reprompt", "missed", "choice_timeout"]);
      return;
    case "customer.closed":
      turn.cancelTimers(["reminder", "abandon", "voice_reprompt", "missed", "choice_timeout"]);
      if (state.status === "running") turn.setStatus("ended", "the customer closed the conversation");
      state.waiting = null;
      state.frames = [];
      return;
    case "effect.failed":
      if (state.status === "running" && state.waiting?.requestId === event.requestId) {
        throw new Error(`an effect failed: ${event.error}`);
      }
      return;
    case "workflow.completed":
    case "articles.found":
    case "answer.generated":
    case "objects.found":
      if (state.status === "running" && state.waiting?.requestId === event.requestId) resume(turn, event);
      return;
    case "customer.text":
    case "customer.choice":
    case "customer.attachment":
    case "customer.input":
      onCustomer(turn, event);
      return;
  }
}

function onCustomer(turn: Turn, event: ConversationEvent): void {
  const state = turn.state;
  if (state.waiting?.for === "follow_up_channel" || state.waiting?.for === "follow_up_contact") {
    resumeFollowUp(turn, event);
    return;
  }
  // After a transfer, an interruption or the end, the customer talks to people, not to the assistant.
  if (state.status !== "running" || !state.waiting || state.waiting.for === "result") return;
  if (event.type === "customer.text") state.lastCustomerText = rememberedText(event.text);
  if (event.type === "customer.input" && event.speech) state.lastCustomerText = rememberedText(event.speech);
  delete state.counters.reprompts;
  resume(turn, event);
}

function resume(turn: Turn, event: ConversationEvent): void {
  const waiting = turn.state.waiting;
  const interaction = waiting?.interactionId ? turn.index.interactions.get(waiting.interactionId) : undefined;
  if (!waiting || !interaction)
    throw new Error("the conversation waits for an interaction that does not exist");
  const module = interactionModule(interaction.kind);
  if (!module.resume) throw new Error(`${interaction.kind} does not wait for anything`);
  runFlow(turn, module.resume(turn, interaction as never, waiting, event));
}

function onTimer(turn: Turn, event: TimerFiredEvent): void {
  if (turn.state.timers[event.name] !== event.timerId) return;
  delete turn.state.timers[event.name];
  const handlers = {
    reminder: onReminder,
    abandon: onAbandon,
    voice_reprompt: onVoiceReprompt,
    missed: onAgentMissed,
    choice_timeout: onChoiceTimeout,
  } as const;
  handlers[event.name](turn);
}
