import { isDeepStrictEqual } from "node:util";
import type { ConversationState, Effect } from "@parley/engine";
import type { OfferedOptions } from "../conversation/offered-options.ts";
import type { TerminalStyle } from "../terminal-style.ts";
import type { Expectation } from "./test-file.ts";

/** What an `expect` step looks at. `recentEffects` are those since the previous `expect`. */
export interface Observation {
  state: ConversationState;
  /** Attribute values known outside the conversation, by scope (the context, updated by the assistant). */
  contextAttributes: Record<string, Record<string, unknown> | undefined>;
  offered: OfferedOptions | null;
  recentMessages: string[];
  recentEffects: Effect[];
  allEffects: Effect[];
}

function show(value: unknown): string {
  return value === undefined ? "(not set)" : JSON.stringify(value);
}

function differs(what: string, expected: unknown, actual: unknown): string[] {
  return [`${what}: expected ${show(expected)} but was ${show(actual)}`];
}

/**
 * Each expected text must be part of a message, in order; messages in between
 * are allowed. The report lists both sides, so the reader sees what was said instead.
 */
function checkMessages(expected: readonly string[], said: readonly string[], style: TerminalStyle): string[] {
  // `messages: []` means silence, which is worth asserting (nothing happens before a timer is due).
  if (expected.length === 0 && said.length > 0) {
    return [
      "messages: expected the assistant to say nothing, but since the previous expect it said:",
      ...said.map((message) => style.green(`  + ${JSON.stringify(message)}`)),
    ];
  }
  let next = 0;
  const marks: string[] = [];
  let missing = false;
  for (const text of expected) {
    const found = missing ? -1 : said.findIndex((message, index) => index >= next && message.includes(text));
    if (found === -1) {
      missing = true;
      marks.push(style.red(`  - ${JSON.stringify(text)}`));
    } else {
      next = found + 1;
      marks.push(`    ${JSON.stringify(text)}`);
    }
  }
  if (!missing) return [];
  const actual =
    said.length === 0
      ? ["    (nothing)"]
      : said.map((message) => style.green(`  + ${JSON.stringify(message)}`));
  return [
    "messages differ: each expected text must be part of a message, in this order (- not said):",
    ...marks,
    "what the assistant said since the previous expect:",
    ...actual,
  ];
}

function attributeValue(observation: Observation, key: string): unknown {
  if (key in observation.state.attributes) return observation.state.attributes[key];
  const dot = key.indexOf(".");
  return observation.contextAttributes[key.slice(0, dot)]?.[key.slice(dot + 1)];
}

function checkTransfer(
  expected: NonNullable<Expectation["transferred"]>,
  effects: readonly Effect[],
): string[] {
  const transfer = effects.findLast((effect) => effect.type === "conversation.transfer");
  if (expected === false) {
    return transfer
      ? [`transferred: expected no transfer but the conversation was transferred (${transfer.reason})`]
      : [];
  }
  if (!transfer) return ["transferred: expected a transfer to agents but there was none"];
  if (expected === true) return [];
  const problems: string[] = [];
  if (expected.team !== undefined && transfer.teamId !== expected.team) {
    problems.push(...differs("transferred team", expected.team, transfer.teamId));
  }
  if (expected.reason !== undefined && !transfer.reason.includes(expected.reason)) {
    problems.push(...differs("transferred reason", expected.reason, transfer.reason));
  }
  for (const [key, value] of Object.entries(expected.collected ?? {})) {
    if (!isDeepStrictEqual(transfer.collected[key], value)) {
      problems.push(...differs(`transferred collected ${key}`, value, transfer.collected[key]));
    }
  }
  return problems;
}

/** Returns one line per mismatch; an empty list means the expectation holds. */
export function checkExpectation(
  expected: Expectation,
  observation: Observation,
  style: TerminalStyle,
): string[] {
  const problems: string[] = [];
  const { state } = observation;
  if (expected.messages)
    problems.push(...checkMessages(expected.messages, observation.recentMessages, style));
  if (expected.options) {
    const labels = observation.offered?.options.map((option) => option.label) ?? [];
    if (!isDeepStrictEqual(labels, expected.options))
      problems.push(...differs("options", expected.options, labels));
  }
  if (expected.status !== undefined && state.status !== expected.status) {
    problems.push(...differs("status", expected.status, state.status));
  }
  if (expected.dialog !== undefined && state.dialogId !== expected.dialog) {
    problems.push(...differs("dialog", expected.dialog, state.dialogId));
  }
  for (const [key, value] of Object.entries(expected.attributes ?? {})) {
    const actual = attributeValue(observation, key);
    if (!isDeepStrictEqual(actual, value)) problems.push(...differs(`attribute ${key}`, value, actual));
  }
  if (expected.transferred !== undefined)
    problems.push(...checkTransfer(expected.transferred, observation.allEffects));
  if (expected.ended !== undefined) {
    const ended =
      state.status === "ended" || observation.allEffects.some((effect) => effect.type === "conversation.end");
    if (ended !== expected.ended) {
      problems.push(
        `ended: expected the conversation ${expected.ended ? "to have ended" : "not to have ended"} (status ${state.status})`,
      );
    }
  }
  const seen = new Set(observation.recentEffects.map((effect) => effect.type));
  const missing = (expected.effects ?? []).filter((type) => !seen.has(type));
  if (missing.length > 0) {
    problems.push(
      `effects: expected ${missing.join(", ")} since the previous expect; there were: ${[...seen].join(", ") || "none"}`,
    );
  }
  return problems;
}
