import { Command, CommanderError } from "commander";
import packageJson from "../package.json" with { type: "json" };
import { registerChannelsCommand } from "./commands/channels.ts";
import { registerChatCommand } from "./commands/chat.ts";
import { registerExportCommand } from "./commands/export.ts";
import { registerImportCommand } from "./commands/import.ts";
import { registerInitCommand } from "./commands/init.ts";
import { registerIntentsCommand } from "./commands/intents.ts";
import { registerKnowledgeBaseCommand } from "./commands/kb.ts";
import { registerServeCommand } from "./commands/serve.ts";
import { registerTestCommand } from "./commands/test.ts";
import { registerValidateCommand } from "./commands/validate.ts";
import { CliError, exitCodes } from "./exit-codes.ts";
import { type CliIo, type CommandContext, processIo } from "./io.ts";

/** The parley program. Subcommands created with `.command()` inherit the output and exit settings. */
export function createProgram(context: CommandContext): Command {
  const program = new Command("parley")
    .description("Create, check and try Parley assistants")
    .version(packageJson.version, "-V, --version")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.io.stdout(text),
      writeErr: (text) => context.io.stderr(text),
    })
    .showHelpAfterError("(add --help for usage)");
  registerInitCommand(program, context);
  registerValidateCommand(program, context);
  registerChatCommand(program, context);
  registerTestCommand(program, context);
  registerServeCommand(program, context);
  registerExportCommand(program, context);
  registerImportCommand(program, context);
  registerIntentsCommand(program, context);
  registerKnowledgeBaseCommand(program, context);
  registerChannelsCommand(program, context);
  return program;
}

/**
 * Runs parley with the arguments after the program name and returns the exit
 * code. Nothing escapes as a stack trace: every error becomes one line on stderr.
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const context: CommandContext = { io, exitCode: exitCodes.ok };
  const program = createProgram(context);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return context.exitCode;
  } catch (error) {
    // Commander has already printed its message (or the help) through configureOutput.
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    if (error instanceof CliError) {
      io.stderr(`error: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`error: unexpected failure: ${message}\n`);
    return exitCodes.failure;
  }
}
