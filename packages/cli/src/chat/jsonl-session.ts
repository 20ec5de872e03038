import { createInterface } from "node:readline";
import { parseEvent } from "@parley/engine";
import { z } from "zod";
import { durationHelp, parseDuration } from "../conversation/duration.ts";
import type { ConversationHarness, HarnessEntry } from "../conversation/harness.ts";
import type { CliIo } from "../io.ts";
import { toPointer } from "../schema-problems.ts";

export interface JsonlChatOptions {
  harness: ConversationHarness;
  input: NodeJS.ReadableStream;
  io: CliIo;
}

/** The one harness command of the protocol; everything else on a line is an engine event. */
const ClockAdvance = z
  .strictObject({
    type: z.literal("clock.advance"),
    milliseconds: z
      .number()
      .int()
      .min(0)
      .max(366 * 86_400_000)
      .optional(),
    by: z.string().max(32).optional(),
  })
  .refine((command) => (command.milliseconds === undefined) !== (command.by === undefined), {
    message: 'needs exactly one of "milliseconds" and "by"',
  });

type LineOutcome = { entries: HarnessEntry[] } | { error: { path: string; message: string } };

function failure(path: string, message: string): LineOutcome {
  return { error: { path, message } };
}

async function runLine(harness: ConversationHarness, text: string): Promise<LineOutcome> {
  if (text.trim() === "") return failure("", "empty line; expected a JSON object");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return failure("", `invalid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return failure("", 'expected a JSON object with a "type"');
  }
  if ((value as { type?: unknown }).type === "clock.advance") {
    const command = ClockAdvance.safeParse(value);
    if (!command.success) {
      const issue = command.error.issues[0];
      return failure(toPointer(issue?.path ?? []), issue?.message ?? "invalid clock.advance");
    }
    const milliseconds = command.data.milliseconds ?? parseDuration(command.data.by ?? "");
    if (milliseconds === null) return failure("/by", `must be ${durationHelp}`);
    return { entries: await harness.advanceClock(milliseconds) };
  }
  const parsed = parseEvent(value);
  if (!parsed.success) {
    // The engine lists its own event types; this protocol also has the harness command.
    const message =
      parsed.path === "/type" ? `${parsed.message}; or the harness command clock.advance` : parsed.message;
    return failure(parsed.path, message);
  }
  return { entries: await harness.send(parsed.event) };
}

function turnLine(harness: ConversationHarness, line: number, entries: readonly HarnessEntry[]): string {
  const { state } = harness;
  return JSON.stringify({
    type: "turn",
    line,
    now: harness.now,
    status: state.status,
    dialogId: state.dialogId,
    waiting: state.waiting?.for ?? null,
    effects: entries.flatMap((entry) => (entry.kind === "effect" ? [entry.effect] : [])),
  });
}

/**
 * `parley chat --jsonl`: one JSON object per input line, exactly one JSON line
 * out for the start and for each input line. See docs/cli.md for the protocol.
 */
export async function runJsonlChat(options: JsonlChatOptions): Promise<void> {
  const { harness, io } = options;
  io.stdout(`${turnLine(harness, 0, await harness.start())}\n`);
  const lines = createInterface({
    input: options.input,
    terminal: false,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let number = 0;
  for await (const text of lines) {
    number += 1;
    let outcome: LineOutcome;
    try {
      outcome = await runLine(harness, text);
    } catch (error) {
      outcome = failure("", error instanceof Error ? error.message : String(error));
    }
    io.stdout(
      "error" in outcome
        ? `${JSON.stringify({ type: "error", line: number, ...outcome.error })}\n`
        : `${turnLine(harness, number, outcome.entries)}\n`,
    );
  }
}
