import {
  type Assistant,
  type Channel,
  isTextOnlyChannel,
  renderTemplate,
  type SaveTarget,
} from "@parley/model";
import { type AssistantIndex, indexAssistant } from "./assistant-index.ts";
import { readAttribute, storedAttributeKey } from "./attributes.ts";
import type { Effect } from "./effects.ts";
import type { EngineEnvironment } from "./environment.ts";
import type { TimerName } from "./events.ts";
import type { ChoiceOption, OutboundMessage } from "./messages.ts";
import { type PhraseName, phrase } from "./phrases.ts";
import { resolveSnippet } from "./snippets.ts";
import type { ConversationState } from "./state.ts";
import type { AssistantStatus } from "./status.ts";

/**
 * Everything one call of `start` or `advance` works with: the assistant, the
 * pure environment, a private copy of the state, and the effects produced so
 * far. Interaction modules read and write through it and never see I/O.
 */
export class Turn {
  readonly assistant: Assistant;
  readonly index: AssistantIndex;
  readonly environment: EngineEnvironment;
  readonly state: ConversationState;
  readonly effects: Effect[] = [];

  constructor(assistant: Assistant, state: ConversationState, environment: EngineEnvironment) {
    this.assistant = assistant;
    this.index = indexAssistant(assistant);
    this.environment = environment;
    this.state = state;
  }

  get channel(): Channel {
    return this.assistant.channel;
  }

  get language(): string {
    return this.state.language;
  }

  get now(): number {
    return this.environment.now;
  }

  emit(effect: Effect): void {
    this.effects.push(effect);
  }

  /** A new id, unique within the conversation, for a request or a timer. */
  nextId(prefix: string): string {
    this.state.sequence += 1;
    return `${prefix}${this.state.sequence}`;
  }

  render(template: string): string {
    return renderTemplate(template, (root, path) =>
      root === "snippet"
        ? resolveSnippet(this.environment.snippets, path, this.language, this.assistant.defaultLanguage)
        : readAttribute(this, root, path),
    );
  }

  phrase(name: PhraseName, values?: Record<string, string>): string {
    return phrase(this.language, name, values);
  }

  send(message: OutboundMessage): void {
    this.emit({ type: "message.send", message });
  }

  sendText(text: string): void {
    this.send({ kind: "text", text });
  }

  /**
   * Offers choices. Text-only channels get a numbered menu in plain text, answered
   * by number or by the option's words (spec 13); other channels get buttons or a list.
   */
  offerChoices(
    text: string,
    options: ChoiceOption[],
    style: "buttons" | "list" = "buttons",
    buttonLabel = "",
  ): void {
    if (isTextOnlyChannel(this.channel)) {
      const menu = options.map((option, position) => `${position + 1}. ${option.label}`).join("\n");
      this.sendText(`${text}\n${menu}`);
      return;
    }
    // Buttons and rows of the definition carry dialog ids: the customer gets only the choice itself.
    const shown = options.map(
      ({ id, label, description }): ChoiceOption =>
        description === undefined ? { id, label } : { id, label, description },
    );
    if (style === "list") {
      this.send({ kind: "list", text, buttonLabel, options: shown });
    } else {
      this.send({ kind: "buttons", text, options: shown });
    }
  }

  save(target: SaveTarget, value: unknown): void {
    this.state.attributes[storedAttributeKey(target.klass, target.attribute)] = value;
    this.emit({ type: "attribute.set", klass: target.klass, attribute: target.attribute, value });
  }

  scheduleTimer(name: TimerName, delayMilliseconds: number): void {
    const timerId = this.nextId(`${name}-`);
    this.state.timers[name] = timerId;
    this.emit({ type: "timer.schedule", name, timerId, at: this.now + Math.round(delayMilliseconds) });
  }

  cancelTimer(name: TimerName): void {
    if (this.state.timers[name] === undefined) return;
    delete this.state.timers[name];
    this.emit({ type: "timer.cancel", name });
  }

  cancelTimers(names: readonly TimerName[]): void {
    for (const name of names) this.cancelTimer(name);
  }

  setStatus(status: AssistantStatus, reason: string): void {
    if (this.state.status === status) return;
    this.state.status = status;
    this.emit({ type: "status.set", status, reason });
  }
}
