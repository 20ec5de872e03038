import { parseAssistantJson } from "@parley/model";
import type { Command } from "commander";
import { exitCodes } from "../exit-codes.ts";
import { readTextFile } from "../files.ts";
import { type CommandContext, formatJson, plural } from "../io.ts";
import { countProblems, formatProblem } from "../problems.ts";

export function registerValidateCommand(program: Command, context: CommandContext): void {
  program
    .command("validate")
    .description("check an assistant JSON file and list its problems")
    .argument("<file>", "the assistant JSON file")
    .option("--json", "print one JSON object { valid, problems } instead of lines")
    .addHelpText(
      "after",
      `
Each problem is printed as "path code message" (warnings start with "warning:"),
then a summary line.

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 the file cannot be read.`,
    )
    .action(async (file: string, options: { json?: boolean }) => {
      const text = await readTextFile(file);
      const { problems } = parseAssistantJson(text);
      const { errors, warnings } = countProblems(problems);
      context.exitCode = errors === 0 ? exitCodes.ok : exitCodes.failure;

      if (options.json) {
        context.io.stdout(formatJson({ valid: errors === 0, problems }));
        return;
      }
      for (const problem of problems) context.io.stdout(`${formatProblem(problem)}\n`);
      const warningNote = warnings > 0 ? ` (${plural(warnings, "warning")})` : "";
      context.io.stdout(
        errors === 0
          ? `${file} is a valid assistant${warningNote}\n`
          : `${file} is not a valid assistant: ${plural(errors, "error")}${warnings > 0 ? `, ${plural(warnings, "warning")}` : ""}\n`,
      );
    });
}
