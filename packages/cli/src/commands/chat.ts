import type { Assistant } from "@parley/model";
import type { Command } from "commander";
import { describeInvalidAssistant, loadAssistant } from "../assistant-file.ts";
import { runJsonlChat } from "../chat/jsonl-session.ts";
import { runTerminalChat } from "../chat/terminal-session.ts";
import { type ConversationContext, emptyContext } from "../conversation/context-file.ts";
import { ConversationHarness } from "../conversation/harness.ts";
import { loadContextFile } from "../conversation/load-context.ts";
import { CliError, exitCodes } from "../exit-codes.ts";
import type { CommandContext } from "../io.ts";
import { createTerminalStyle, wantsColor } from "../terminal-style.ts";

interface ChatOptions {
  context?: string;
  language?: string;
  startDialog?: string;
  jsonl?: boolean;
}

/** A start dialog that does not exist would only reach the engine's error path; say so up front. */
function checkStartDialog(assistant: Assistant, dialogId: string | undefined, source: string): void {
  if (dialogId === undefined || assistant.dialogs.some((dialog) => dialog.id === dialogId)) return;
  const known = assistant.dialogs.map((dialog) => dialog.id).join(", ");
  throw new CliError(`${source}: the assistant has no dialog "${dialogId}"; its dialogs are: ${known}`);
}

export function registerChatCommand(program: Command, context: CommandContext): void {
  program
    .command("chat")
    .description("talk to an assistant in the terminal, or drive it with JSON lines (--jsonl)")
    .argument("<file>", "the assistant JSON file")
    .option(
      "--context <file>",
      "a JSON or YAML context: time, attributes, workflow results, articles, answers",
    )
    .option(
      "--language <language>",
      "the conversation's language (default: the context's, else the assistant's)",
    )
    .option("--start-dialog <id>", "start in this dialog instead of Welcome (as an assistant rule would)")
    .option("--jsonl", "machine protocol: one JSON event per input line, one JSON turn per output line")
    .addHelpText(
      "after",
      `
Examples:
  parley chat tutorial.json
  parley chat ai.json --context ai.context.yaml
  printf 'Alice\\n2\\n' | parley chat tutorial.json
  echo '{"type":"customer.text","text":"Alice"}' | parley chat tutorial.json --jsonl

Type /help during a chat for its commands (/wait 6m, /agent TEXT, /close, /state, ...).
Exit codes: 0 the input ended, 1 the assistant is not valid, 2 a file cannot be read or the context is invalid.`,
    )
    .action(async (file: string, options: ChatOptions) => {
      const loaded = await loadAssistant(file);
      if (loaded.assistant === null) {
        context.io.stderr(`${describeInvalidAssistant(file, loaded.problems).join("\n")}\n`);
        context.exitCode = exitCodes.failure;
        return;
      }
      const assistant = loaded.assistant;
      const conversationContext: ConversationContext = options.context
        ? await loadContextFile(options.context)
        : emptyContext();
      checkStartDialog(assistant, options.startDialog, "--start-dialog");
      if (options.startDialog === undefined) {
        checkStartDialog(assistant, conversationContext.startDialogId, `${options.context} /startDialogId`);
      }
      const harness = new ConversationHarness({
        assistant,
        context: conversationContext,
        language: options.language,
        startDialogId: options.startDialog,
      });
      if (options.jsonl) {
        await runJsonlChat({ harness, input: process.stdin, io: context.io });
        return;
      }
      await runTerminalChat({
        harness,
        input: process.stdin,
        terminal: process.stdout,
        io: context.io,
        interactive: process.stdin.isTTY === true,
        style: createTerminalStyle(wantsColor(process.stdout)),
      });
    });
}
