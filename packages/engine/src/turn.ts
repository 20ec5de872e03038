import type { Assistant } from "@parley/model";
import type { Effect } from "./effects.ts";
import type { EngineEnvironment, StartContext } from "./environment.ts";
import type { ConversationEvent } from "./events.ts";
import type { ConversationState } from "./state.ts";

export interface TurnResult {
  state: ConversationState;
  effects: Effect[];
}

export function start(
  _assistant: Assistant,
  _context: StartContext,
  _environment: EngineEnvironment,
): TurnResult {
  throw new Error("engine under construction");
}

export function advance(
  _assistant: Assistant,
  _state: ConversationState,
  _event: ConversationEvent,
  _environment: EngineEnvironment,
): TurnResult {
  throw new Error("engine under construction");
}
