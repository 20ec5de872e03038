/**
 * Small builders shared by the engine's tests: assistants parsed with the real
 * model schema, and a `Conversation` driver that plays the server's part
 * (stores the state as JSON between turns, keeps the timers it was asked to
 * schedule, and records what a customer or an agent would notice).
 */
import {
  Assistant,
  type BusinessScheduleDefinition,
  type EndInteraction,
  type Interaction,
} from "@parley/model";
import {
  type AssistantStatus,
  advance,
  type ConversationEvent,
  type ConversationState,
  type DetectedIntent,
  type Effect,
  type EngineEnvironment,
  type OutboundMessage,
  parseState,
  type StartContext,
  start,
  type TimerName,
  type TurnResult,
} from "../src/index.ts";

/** Every field optional, all the way down: the model's defaults fill the rest when parsed. */
export type DeepPartial<T> = T extends readonly (infer Item)[]
  ? DeepPartial<Item>[]
  : T extends object
    ? { [Key in keyof T]?: DeepPartial<T[Key]> }
    : T;

export type InteractionSpec = DeepPartial<Interaction> & { id: string; kind: Interaction["kind"] };
export type EndSpec = DeepPartial<EndInteraction> & { id: string; kind: EndInteraction["kind"] };
export type AssistantSpec = DeepPartial<Assistant>;

export function dialog(
  id: string,
  interactions: InteractionSpec[] = [],
  end: EndSpec | null = null,
  name = id,
): DeepPartial<Assistant["dialogs"][number]> {
  return { id, name, interactions, end } as DeepPartial<Assistant["dialogs"][number]>;
}

/** A published-looking assistant: chat and Premium unless the spec says otherwise. */
export function buildAssistant(spec: AssistantSpec): Assistant {
  return Assistant.parse({
    schemaVersion: 1,
    id: "assistant-1",
    publicId: "public-1",
    internalName: "Test assistant",
    channel: "chat",
    type: "premium",
    ...spec,
  });
}

/** One dialog `main` holding the interactions, plus any other dialogs given. */
export function oneDialog(
  interactions: InteractionSpec[],
  end: EndSpec | null,
  rest: AssistantSpec = {},
): Assistant {
  const others = rest.dialogs ?? [];
  return buildAssistant({ ...rest, dialogs: [dialog("main", interactions, end), ...others] });
}

/** Dialogs that only say something and stop (a transfer), to see where a redirect went. */
export function landing(id: string, text = `in ${id}`): DeepPartial<Assistant["dialogs"][number]> {
  return dialog(id, [{ id: `${id}-say`, kind: "send_message", text }], { id: `${id}-end`, kind: "transfer" });
}

/** Monday 5 January 2026, 10:00 in New York (15:00 UTC). */
export const mondayMorningNewYork = Date.parse("2026-01-05T15:00:00Z");
/** Sunday 4 January 2026, 10:00 in New York. */
export const sundayMorningNewYork = Date.parse("2026-01-04T15:00:00Z");

export const newYorkSchedule: BusinessScheduleDefinition = {
  id: "support-hours",
  name: "Support hours",
  timeZone: "America/New_York",
  hours: {
    monday: [{ start: "09:00", end: "17:00" }],
    tuesday: [{ start: "09:00", end: "17:00" }],
    wednesday: [{ start: "09:00", end: "17:00" }],
    thursday: [{ start: "09:00", end: "17:00" }],
    friday: [{ start: "09:00", end: "12:00" }],
  },
  holidays: [{ date: "2026-12-25", name: "Christmas" }],
};

export function environment(overrides: Partial<EngineEnvironment> = {}): EngineEnvironment {
  return { now: mondayMorningNewYork, ...overrides };
}

/** A pure intent detector: the first keyword found in the text names the intent. */
export function keywordIntents(keywords: Record<string, string>): {
  detectIntent: (text: string, language: string) => DetectedIntent | null;
  calls: Array<{ text: string; language: string }>;
} {
  const calls: Array<{ text: string; language: string }> = [];
  return {
    calls,
    detectIntent(text, language) {
      calls.push({ text, language });
      const lower = text.toLowerCase();
      for (const [keyword, intent] of Object.entries(keywords)) {
        if (lower.includes(keyword)) return { intent, score: 0.9, reason: "keyword" };
      }
      return null;
    },
  };
}

export type EffectOf<Type extends Effect["type"]> = Extract<Effect, { type: Type }>;

export function effectsOf<Type extends Effect["type"]>(effects: Effect[], type: Type): EffectOf<Type>[] {
  return effects.filter((effect): effect is EffectOf<Type> => effect.type === type);
}

export function effectOf<Type extends Effect["type"]>(effects: Effect[], type: Type): EffectOf<Type> {
  const found = effectsOf(effects, type)[0];
  if (!found) throw new Error(`no ${type} effect among: ${effects.map((effect) => effect.type).join(", ")}`);
  return found;
}

export function messages(effects: Effect[]): OutboundMessage[] {
  return effectsOf(effects, "message.send").map((effect) => effect.message);
}

/** The words of each message, as the customer reads or hears them. */
export function texts(effects: Effect[]): string[] {
  return messages(effects).map((message) => {
    switch (message.kind) {
      case "voice.gather":
      case "voice.record":
        return message.prompt;
      case "answer":
        return message.answer.text;
      case "attachment":
        return message.attachment.url;
      default:
        return message.text;
    }
  });
}

/** The labels of the options in the messages (buttons, list rows, cards, feedback). */
export function optionLabels(effects: Effect[]): string[][] {
  return messages(effects).flatMap((message) => {
    if (message.kind === "cards") return [message.cards.map((card) => card.label)];
    if ("options" in message) return [message.options.map((option) => option.label)];
    return [];
  });
}

/**
 * Plays a conversation the way the server would: one turn at a time, the state
 * stored as JSON and read back with `parseState`, timers kept by name.
 */
export class Conversation {
  readonly assistant: Assistant;
  environment: EngineEnvironment;
  /** Every effect so far, in order. */
  readonly history: Effect[] = [];
  status: AssistantStatus = "running";
  /** Attribute values the engine asked to set, keyed `klass.attribute`. */
  readonly attributes: Record<string, unknown> = {};
  /** Timers the engine scheduled and did not cancel. */
  readonly timers = new Map<TimerName, { timerId: string; at: number }>();
  private stored: string | null = null;

  constructor(assistant: Assistant, environmentValues: Partial<EngineEnvironment> = {}) {
    this.assistant = assistant;
    this.environment = environment(environmentValues);
  }

  get state(): ConversationState {
    if (this.stored === null) throw new Error("the conversation has not started");
    return parseState(JSON.parse(this.stored));
  }

  start(context: StartContext = {}): Effect[] {
    return this.record(start(this.assistant, context, this.environment));
  }

  send(event: ConversationEvent): Effect[] {
    return this.record(advance(this.assistant, this.state, event, this.environment));
  }

  say(text: string): Effect[] {
    return this.send({ type: "customer.text", text });
  }

  choose(optionId: string): Effect[] {
    return this.send({ type: "customer.choice", optionId });
  }

  /** Moves the clock to the timer and fires it with the id it was scheduled with. */
  fire(name: TimerName): Effect[] {
    const timer = this.timers.get(name);
    if (!timer)
      throw new Error(`no ${name} timer is scheduled (have: ${[...this.timers.keys()].join(", ")})`);
    this.environment = { ...this.environment, now: Math.max(this.environment.now, timer.at) };
    this.timers.delete(name);
    return this.send({ type: "timer.fired", name, timerId: timer.timerId });
  }

  /** The id of the latest pending request of that effect type (workflow call, search, answer, lookup). */
  requestId(type: "workflow.call" | "articles.search" | "answer.request" | "objects.lookup"): string {
    const found = effectsOf(this.history, type).at(-1);
    if (!found) throw new Error(`no ${type} effect so far`);
    return found.requestId;
  }

  private record(result: TurnResult): Effect[] {
    // The server stores the state as JSON; a value that does not survive that is a bug.
    this.stored = JSON.stringify(result.state);
    parseState(JSON.parse(this.stored));
    for (const effect of result.effects) {
      this.history.push(effect);
      if (effect.type === "status.set") this.status = effect.status;
      if (effect.type === "attribute.set")
        this.attributes[`${effect.klass}.${effect.attribute}`] = effect.value;
      if (effect.type === "timer.schedule")
        this.timers.set(effect.name, { timerId: effect.timerId, at: effect.at });
      if (effect.type === "timer.cancel") this.timers.delete(effect.name);
    }
    return result.effects;
  }
}
