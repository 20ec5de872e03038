import { createInterface } from "node:readline";
import { createClockFormatter } from "../conversation/clock-format.ts";
import type { ConversationHarness, HarnessEntry } from "../conversation/harness.ts";
import type { CliIo } from "../io.ts";
import { formatJson } from "../io.ts";
import type { TerminalStyle } from "../terminal-style.ts";
import { chatHelp, parseChatLine } from "./chat-commands.ts";
import { type RenderOptions, renderEntry, shortValue } from "./render-entries.ts";

export interface TerminalChatOptions {
  harness: ConversationHarness;
  input: NodeJS.ReadableStream;
  /** Where readline draws the prompt and echoes typing; used only when interactive. */
  terminal: NodeJS.WritableStream;
  io: CliIo;
  /** A person types at a terminal: show a prompt and do not echo their lines back. */
  interactive: boolean;
  style: TerminalStyle;
}

const prompt = "you: ";

/** Why the assistant said nothing: usually because people, not the assistant, answer from here on. */
function silenceReason(harness: ConversationHarness): string {
  const { status } = harness.state;
  return status === "running" ? "" : `: the assistant's status is ${status}, so agents answer from here on`;
}

/**
 * `parley chat`: a conversation at the terminal. Works the same with piped
 * input (each line is what the customer says, and is echoed so the transcript
 * reads as a dialogue) and ends at the end of the input.
 */
export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { harness, io, style } = options;
  const render: RenderOptions = {
    speaker: harness.assistant.publicName.trim() || "assistant",
    style,
    formatTime: createClockFormatter(harness.context.now),
  };
  const print = (lines: readonly string[]) => {
    if (lines.length > 0) io.stdout(`${lines.join("\n")}\n`);
  };
  const show = (entries: readonly HarnessEntry[]) =>
    print(entries.flatMap((entry) => renderEntry(entry, render)));
  const { assistant } = harness;

  print([
    style.dim(
      `[chatting with ${assistant.internalName} (${assistant.channel}, ${assistant.type}) at ${render.formatTime(harness.now)}; /help lists the commands]`,
    ),
  ]);
  show(await harness.start());

  const lines = createInterface({
    input: options.input,
    ...(options.interactive ? { output: options.terminal, terminal: true } : { terminal: false }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  // Without a listener readline only pauses on Ctrl-C, which would leave the chat hanging.
  lines.on("SIGINT", () => lines.close());
  if (options.interactive) {
    lines.setPrompt(prompt);
    lines.prompt();
  }
  let agentId = "agent";
  try {
    for await (const line of lines) {
      const action = parseChatLine(line, harness.offeredOptions, agentId);
      if (!options.interactive && action.kind !== "nothing") print([`${prompt}${shortValue(line)}`]);
      try {
        switch (action.kind) {
          case "event": {
            const entries = await harness.send(action.event);
            show(entries);
            if (entries.length === 0) print([style.dim(`[no reply${silenceReason(harness)}]`)]);
            break;
          }
          case "wait":
            show(await harness.advanceClock(action.milliseconds));
            print([style.dim(`[clock ${render.formatTime(harness.now)}]`)]);
            break;
          case "assign":
            agentId = action.agentId;
            show(await harness.send({ type: "agent.assigned", agentId }));
            print([style.dim(`[agent ${agentId} assigned]`)]);
            break;
          case "state": {
            const timers = harness.timers
              .list()
              .map((timer) => `${timer.name} at ${render.formatTime(timer.at)}`);
            io.stdout(formatJson(harness.state));
            print([
              style.dim(`[clock ${render.formatTime(harness.now)}; timers: ${timers.join(", ") || "none"}]`),
            ]);
            break;
          }
          case "help":
            print([chatHelp]);
            break;
          case "quit":
            return;
          case "error":
            io.stderr(`${action.message}\n`);
            break;
          case "nothing":
            break;
        }
      } catch (error) {
        // The session goes on: one bad step (a looping flow) should not lose the conversation so far.
        io.stderr(`error: ${error instanceof Error ? error.message : String(error)}\n`);
      }
      if (options.interactive) lines.prompt();
    }
  } finally {
    lines.close();
    // Leave the shell's prompt on a line of its own after Ctrl-D or Ctrl-C.
    if (options.interactive) io.stdout("\n");
  }
}
