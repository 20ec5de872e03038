import {
  advance,
  type ConversationEvent,
  type ConversationState,
  type Effect,
  type EngineEnvironment,
  start,
  type TurnResult,
} from "@parley/engine";
import type { Assistant } from "@parley/model";
import type { ConversationContext } from "./context-file.ts";
import { resultOf } from "./effect-results.ts";
import { createContextIntentDetector } from "./intent-detector.ts";
import { ContextKnowledgeBase } from "./knowledge-base.ts";
import { type OfferedOptions, optionsOf } from "./offered-options.ts";
import { type PendingTimer, PendingTimers } from "./pending-timers.ts";

/**
 * What happened during one input, in order: the engine's effects, the results
 * the harness fed back for effects that need I/O, and the timers that fired.
 */
export type HarnessEntry =
  | { kind: "effect"; effect: Effect }
  | { kind: "result"; event: ConversationEvent }
  | { kind: "timer"; timer: PendingTimer };

/** A conversation that cannot go on as asked (it loops, or it was not started). */
export class HarnessError extends Error {
  override name = "HarnessError";
}

/**
 * A run-away flow (a workflow called in a loop) would otherwise keep the
 * harness answering forever; the server would be saved by its job limits.
 */
const maxResultsPerInput = 100;
const maxTimersPerWait = 10_000;

export interface HarnessOptions {
  assistant: Assistant;
  context: ConversationContext;
  /** Overrides the context's language (`--language`). */
  language?: string | undefined;
  /** Overrides the context's start dialog (`--start-dialog`). */
  startDialogId?: string | undefined;
  /** The clock's start when the context has no `now`; tests pass a fixed time. */
  realTime?: number;
}

/**
 * Runs a conversation the way the server would, without a server: it holds the
 * assistant, the engine state, a virtual clock and the pending timers, and
 * answers effects that need I/O from the context file by feeding the result
 * straight back into `advance`. Shared by `chat`, `chat --jsonl` and `test`.
 * Its methods are async because answers are, as an LLM's would be; the
 * conversation still takes one input at a time, so callers await each.
 */
export class ConversationHarness {
  readonly assistant: Assistant;
  readonly context: ConversationContext;
  readonly timers = new PendingTimers();
  private conversation: ConversationState | null = null;
  private clock: number;
  private options: OfferedOptions | null = null;
  private readonly language: string | undefined;
  private readonly startDialogId: string | undefined;
  private readonly detectIntent: EngineEnvironment["detectIntent"];
  private readonly knowledgeBase: ContextKnowledgeBase;

  constructor(options: HarnessOptions) {
    this.assistant = options.assistant;
    // The context is changed by `attribute.set` effects; keep the caller's copy as it was.
    this.context = structuredClone(options.context);
    this.clock = this.context.now ? Date.parse(this.context.now) : (options.realTime ?? Date.now());
    this.language = options.language ?? this.context.language;
    this.startDialogId = options.startDialogId ?? this.context.startDialogId;
    this.detectIntent = createContextIntentDetector({
      intents: this.context.intents,
      withPredefined: this.context.predefinedIntents,
      assistantMapsIntents: this.assistant.intents.length > 0,
    });
    this.knowledgeBase = new ContextKnowledgeBase({
      articles: this.context.articles,
      answers: this.context.answers,
    });
  }

  get now(): number {
    return this.clock;
  }

  get state(): ConversationState {
    if (!this.conversation) throw new HarnessError("the conversation has not started");
    return this.conversation;
  }

  /** The options of the assistant's latest message, if that message offered any. */
  get offeredOptions(): OfferedOptions | null {
    return this.options;
  }

  async start(): Promise<HarnessEntry[]> {
    if (this.conversation) throw new HarnessError("the conversation has already started");
    const entries: HarnessEntry[] = [];
    await this.run(entries, () =>
      start(
        this.assistant,
        {
          ...(this.language ? { language: this.language } : {}),
          ...(this.startDialogId ? { startDialogId: this.startDialogId } : {}),
        },
        this.environment(),
      ),
    );
    return entries;
  }

  async send(event: ConversationEvent): Promise<HarnessEntry[]> {
    const state = this.state;
    const entries: HarnessEntry[] = [];
    await this.run(entries, () => advance(this.assistant, state, event, this.environment()));
    return entries;
  }

  /**
   * Moves the clock forward and fires every timer that falls due, in time
   * order, each at its own time, including timers set by those firings.
   */
  async advanceClock(milliseconds: number): Promise<HarnessEntry[]> {
    if (!Number.isFinite(milliseconds) || milliseconds < 0) {
      throw new HarnessError("the clock only moves forward");
    }
    const until = this.clock + milliseconds;
    const entries: HarnessEntry[] = [];
    for (let fired = 0; ; fired += 1) {
      const timer = this.timers.takeNextDue(until);
      if (!timer) break;
      if (fired >= maxTimersPerWait)
        throw new HarnessError(`more than ${maxTimersPerWait} timers fired in one wait`);
      this.clock = Math.max(this.clock, timer.at);
      entries.push({ kind: "timer", timer });
      const state = this.state;
      const event: ConversationEvent = { type: "timer.fired", name: timer.name, timerId: timer.timerId };
      await this.run(entries, () => advance(this.assistant, state, event, this.environment()));
    }
    this.clock = until;
    return entries;
  }

  private environment(): EngineEnvironment {
    return {
      now: this.clock,
      attributes: this.context.attributes,
      schedules: Object.fromEntries(this.context.schedules.map((schedule) => [schedule.id, schedule])),
      snippets: this.context.snippets,
      ...(this.detectIntent ? { detectIntent: this.detectIntent } : {}),
    };
  }

  /** Applies one engine call, then answers its I/O effects until the assistant waits for something else. */
  private async run(entries: HarnessEntry[], call: () => TurnResult): Promise<void> {
    const results: ConversationEvent[] = [];
    const apply = async (result: TurnResult) => {
      this.conversation = result.state;
      for (const effect of result.effects) {
        entries.push({ kind: "effect", effect });
        this.applyEffect(effect);
        const answer = await resultOf(effect, this.context, this.knowledgeBase);
        if (answer) results.push(answer);
      }
    };
    await apply(call());
    for (let answered = 0; results.length > 0; answered += 1) {
      if (answered >= maxResultsPerInput) {
        throw new HarnessError(
          `the assistant asked for more than ${maxResultsPerInput} results (workflows, searches, answers) in one turn; does its flow loop?`,
        );
      }
      const event = results.shift() as ConversationEvent;
      entries.push({ kind: "result", event });
      await apply(advance(this.assistant, this.state, event, this.environment()));
    }
  }

  private applyEffect(effect: Effect): void {
    switch (effect.type) {
      case "message.send":
        this.options = optionsOf(effect.message);
        return;
      case "attribute.set": {
        // Later turns see what the assistant saved, as they would read it from the records in the server.
        const scope = this.context.attributes[effect.klass] ?? {};
        scope[effect.attribute] = effect.value;
        this.context.attributes[effect.klass] = scope;
        return;
      }
      case "timer.schedule":
        this.timers.schedule({ name: effect.name, timerId: effect.timerId, at: effect.at });
        return;
      case "timer.cancel":
        this.timers.cancel(effect.name);
        return;
      // The rest change nothing a later turn reads from the harness: requests are answered by
      // `resultOf`, and the conversation's status is in the engine's state.
      case "workflow.call":
      case "articles.search":
      case "answer.request":
      case "objects.lookup":
      case "status.set":
      case "conversation.transfer":
      case "conversation.end":
      case "voicemail.record":
      case "feedback.record":
      case "follow_up.record":
      case "intent.detected":
        return;
      default:
        // A new effect type stops this compiling until it is decided here.
        effect satisfies never;
    }
  }
}
