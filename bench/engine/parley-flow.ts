import {
  advance,
  type ConversationEvent,
  type Effect,
  parseState,
  start,
  type TurnResult,
} from "@parley/engine";
import { createAssistantFromTemplate } from "@parley/model";
import { chosenTeam, customerName, type Flow, type StateObserver, type Transcript } from "./script.ts";

/**
 * The Parley side: the spec 11 tutorial template run by the pure engine, with
 * each turn doing what the server does around it: read the stored state
 * (JSON.parse, then `parseState`, which validates and migrates it), advance,
 * and write the new state back as JSON. Rows are a Map, as MemoryStorage is
 * for the peer.
 */
export function createParleyFlow(): Flow {
  const assistant = createAssistantFromTemplate("tutorial", {
    channel: "chat",
    type: "lite",
    language: "en",
  });
  const rows = new Map<number, string>();
  const environment = () => ({ now: Date.now() });

  function store(conversation: number, result: TurnResult, observe?: StateObserver): Effect[] {
    const json = JSON.stringify(result.state);
    rows.set(conversation, json);
    observe?.(Buffer.byteLength(json, "utf8"));
    return result.effects;
  }

  function turn(conversation: number, event: ConversationEvent, observe?: StateObserver): Effect[] {
    const stored = rows.get(conversation);
    if (stored === undefined) throw new Error(`no stored state for conversation ${conversation}`);
    const state = parseState(JSON.parse(stored));
    return store(conversation, advance(assistant, state, event, environment()), observe);
  }

  /** The customer presses the button labelled with the chosen team, as the widget would send it. */
  function teamOption(effects: Effect[]): string {
    for (const effect of effects) {
      if (effect.type !== "message.send" || effect.message.kind !== "buttons") continue;
      const option = effect.message.options.find((candidate) => candidate.label === chosenTeam);
      if (option) return option.id;
    }
    throw new Error(`parley: no "${chosenTeam}" button after the name`);
  }

  function converse(conversation: number, observe?: StateObserver): Effect[][] {
    const opening = store(conversation, start(assistant, {}, environment()), observe);
    const afterName = turn(conversation, { type: "customer.text", text: customerName }, observe);
    const optionId = teamOption(afterName);
    const afterTeam = turn(conversation, { type: "customer.choice", optionId }, observe);
    const finalState = rows.get(conversation) ?? "";
    if (
      !afterTeam.some((effect) => effect.type === "conversation.transfer") ||
      !finalState.includes('"status":"transferred"')
    ) {
      throw new Error(`parley: conversation ${conversation} did not end in a transfer`);
    }
    return [opening, afterName, afterTeam];
  }

  return {
    name: "Parley engine",
    async runConversation(conversation, observe) {
      converse(conversation, observe);
    },
    async transcript(conversation): Promise<Transcript> {
      return converse(conversation).map((effects) => effects.flatMap(describe));
    },
  };
}

function describe(effect: Effect): string[] {
  if (effect.type === "conversation.transfer") {
    return [`transfer: ${String(effect.teamId ?? effect.collected["conversation.assignedTeams"])}`];
  }
  if (effect.type !== "message.send") return [];
  const message = effect.message;
  if (message.kind === "text") return [`text: ${message.text}`];
  if (message.kind === "buttons") {
    return [`choice: ${message.text} [${message.options.map((option) => option.label).join("|")}]`];
  }
  return [`${message.kind}: (not expected in the tutorial)`];
}
