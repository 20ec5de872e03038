import type { ConversationEvent, Effect } from "@parley/engine";
import type { Assistant } from "@parley/model";
import type { ConversationContext } from "../conversation/context-file.ts";
import { parseDuration } from "../conversation/duration.ts";
import { ConversationHarness, type HarnessEntry } from "../conversation/harness.ts";
import type { OfferedOptions } from "../conversation/offered-options.ts";
import { words } from "../conversation/words.ts";
import type { TerminalStyle } from "../terminal-style.ts";
import { checkExpectation } from "./check-expectation.ts";
import { messageText } from "./message-text.ts";
import type { TestCase, TestStep } from "./test-file.ts";

export interface TestFailure {
  /** Index of the step that failed. */
  step: number;
  description: string;
  problems: string[];
}

/** Thrown by a step that cannot be taken (an option that is not offered); becomes the test's failure. */
class StepError extends Error {}

function describeStep(step: TestStep): string {
  const [kind, value] = Object.entries(step)[0] ?? ["?", ""];
  if (kind === "expect") return "expect";
  const text = String(value);
  return `${kind}: ${text.length > 60 ? `${text.slice(0, 60)}…` : text}`;
}

function sameWords(left: string, right: string): boolean {
  return words(left).join(" ") === words(right).join(" ");
}

/** Picks an offered option by number, by label (ignoring case, punctuation and emoji), or by a unique part of a label. */
function chooseOption(offered: OfferedOptions | null, wanted: string): ConversationEvent {
  if (!offered || offered.options.length === 0) {
    throw new StepError(`nothing to choose: the assistant's latest message offered no options`);
  }
  const { options } = offered;
  const labels = options.map((option) => JSON.stringify(option.label)).join(", ");
  let option = /^[0-9]{1,2}$/.test(wanted.trim()) ? options[Number(wanted) - 1] : undefined;
  option ??= options.find((candidate) => sameWords(candidate.label, wanted));
  if (!option) {
    const partial = options.filter((candidate) =>
      ` ${words(candidate.label).join(" ")} `.includes(` ${words(wanted).join(" ")} `),
    );
    if (partial.length === 1) option = partial[0];
  }
  if (!option) throw new StepError(`no offered option matches ${JSON.stringify(wanted)}; offered: ${labels}`);
  // A plain-text menu (SMS) is answered by sending its number, as a customer would.
  if (offered.kind === "menu") return { type: "customer.text", text: option.id };
  return { type: "customer.choice", optionId: option.id };
}

function stepEvent(
  step: Exclude<TestStep, { expect: unknown } | { wait: string } | { choose: string }>,
): ConversationEvent {
  if ("customer" in step) return { type: "customer.text", text: step.customer };
  if ("input" in step) {
    return /^[0-9*#]{1,64}$/.test(step.input)
      ? { type: "customer.input", digits: step.input }
      : { type: "customer.input", speech: step.input };
  }
  if ("agent" in step) return { type: "agent.replied", agentId: "agent", text: step.agent };
  return { type: "customer.closed" };
}

/**
 * Runs one test: starts the conversation, takes the steps in order and stops
 * at the first step that fails. Returns null when every step passed.
 */
export async function runTest(
  assistant: Assistant,
  context: ConversationContext,
  test: TestCase,
  style: TerminalStyle,
): Promise<TestFailure | null> {
  const harness = new ConversationHarness({ assistant, context });
  const allEffects: Effect[] = [];
  let recent: HarnessEntry[] = [];
  const record = (entries: HarnessEntry[]) => {
    recent.push(...entries);
    for (const entry of entries) if (entry.kind === "effect") allEffects.push(entry.effect);
  };
  let index = -1;
  try {
    record(await harness.start());
    for (const [position, step] of test.steps.entries()) {
      index = position;
      if ("expect" in step) {
        const recentEffects = recent.flatMap((entry) => (entry.kind === "effect" ? [entry.effect] : []));
        const problems = checkExpectation(
          step.expect,
          {
            state: harness.state,
            contextAttributes: harness.context.attributes,
            offered: harness.offeredOptions,
            recentMessages: recentEffects.flatMap((effect) =>
              effect.type === "message.send" ? [messageText(effect.message)] : [],
            ),
            recentEffects,
            allEffects,
          },
          style,
        );
        if (problems.length > 0) return { step: position, description: describeStep(step), problems };
        recent = [];
      } else if ("wait" in step) {
        record(await harness.advanceClock(parseDuration(step.wait) ?? 0));
      } else if ("choose" in step) {
        record(await harness.send(chooseOption(harness.offeredOptions, step.choose)));
      } else {
        record(await harness.send(stepEvent(step)));
      }
    }
    return null;
  } catch (error) {
    const step = test.steps[index];
    return {
      step: index,
      description: step ? describeStep(step) : "start",
      problems: [error instanceof Error ? error.message : String(error)],
    };
  }
}
