import type { Command } from "commander";
import { describeInvalidAssistant, loadAssistant } from "../assistant-file.ts";
import { CliError, exitCodes } from "../exit-codes.ts";
import type { CommandContext } from "../io.ts";
import { createTerminalStyle, type TerminalStyle, wantsColor } from "../terminal-style.ts";
import { findTestFiles } from "../testing/find-test-files.ts";
import { type LoadedTestFile, loadTestFile } from "../testing/load-test-file.ts";
import { runTest, type TestFailure } from "../testing/run-test.ts";

interface Tally {
  passed: number;
  failed: number;
  unreadable: number;
}

function failureLines(loaded: LoadedTestFile, testIndex: number, failure: TestFailure): string[] {
  const line = loaded.file.lineOf(`/tests/${testIndex}/steps/${failure.step}`);
  const where = `step ${failure.step + 1} (${failure.description})${line ? `, line ${line}` : ""}`;
  return [
    `    at ${where}:`,
    ...failure.problems.flatMap((problem) => problem.split("\n")).map((text) => `      ${text}`),
  ];
}

async function runFile(
  path: string,
  context: CommandContext,
  style: TerminalStyle,
  tally: Tally,
): Promise<void> {
  const { io } = context;
  let loaded: LoadedTestFile;
  try {
    loaded = await loadTestFile(path);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    tally.unreadable += 1;
    io.stderr(`error: ${error.message}\n`);
    return;
  }
  let assistant: Awaited<ReturnType<typeof loadAssistant>>;
  try {
    assistant = await loadAssistant(loaded.assistantPath);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    tally.unreadable += 1;
    io.stderr(`error: ${path}: ${error.message}\n`);
    return;
  }
  for (const { test, index, context: conversationContext } of loaded.tests) {
    const title = `${path} › ${test.name}`;
    const failure =
      assistant.assistant === null
        ? {
            step: -1,
            description: "loading the assistant",
            problems: describeInvalidAssistant(loaded.assistantPath, assistant.problems),
          }
        : await runTest(assistant.assistant, conversationContext, test, style);
    if (failure === null) {
      tally.passed += 1;
      io.stdout(`${style.green("PASS")} ${title}\n`);
      continue;
    }
    tally.failed += 1;
    const details =
      failure.step < 0
        ? failure.problems.map((text) => `      ${text}`)
        : failureLines(loaded, index, failure);
    io.stdout(`${style.red("FAIL")} ${title}\n${details.join("\n")}\n`);
  }
}

export function registerTestCommand(program: Command, context: CommandContext): void {
  program
    .command("test")
    .description("run scripted conversations (*.test.yaml) against assistants and check what they say")
    .argument("<path>", "a test file, or a folder searched for *.test.yaml and *.test.yml")
    .addHelpText(
      "after",
      `
Example test file (docs/cli.md describes the format):
  assistant: tutorial.json
  tests:
    - name: transfers to Sales
      steps:
        - customer: Alice
        - choose: Sales
        - expect: { status: transferred, attributes: { customer.name: Alice } }

Exit codes: 0 every test passed, 1 a test failed, 2 a file cannot be read or is not a valid test file.`,
    )
    .action(async (path: string) => {
      const style = createTerminalStyle(wantsColor(process.stdout));
      const tally: Tally = { passed: 0, failed: 0, unreadable: 0 };
      for (const file of await findTestFiles(path)) await runFile(file, context, style, tally);
      const unreadable =
        tally.unreadable > 0
          ? `, ${tally.unreadable} file${tally.unreadable === 1 ? "" : "s"} could not be run`
          : "";
      context.io.stdout(`${tally.passed} passed, ${tally.failed} failed${unreadable}\n`);
      context.exitCode =
        tally.unreadable > 0 ? exitCodes.usage : tally.failed > 0 ? exitCodes.failure : exitCodes.ok;
    });
}
