import type { Command } from "commander";
import {
  addServerOptions,
  callApi,
  ServerError,
  type ServerOptions,
  type ServerProblem,
} from "../api-client.ts";
import { CliError, exitCodes } from "../exit-codes.ts";
import { readTextFile } from "../files.ts";
import { type CommandContext, plural } from "../io.ts";
import { countProblems, formatProblem, type Problem } from "../problems.ts";

interface ImportOptions extends ServerOptions {
  id: string;
  knowledgeBaseMap?: string;
}

interface ImportedAssistant {
  id: string;
  internalName: string;
  draftRevision: number;
  problems: Problem[];
}

/** `old=new,old2=new2` → { old: "new", old2: "new2" }. */
export function parseKnowledgeBaseMap(text: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of text.split(",").map((entry) => entry.trim())) {
    const [from, to, ...rest] = pair.split("=").map((part) => part.trim());
    if (!from || !to || rest.length > 0) {
      throw new CliError(
        `option --knowledge-base-map: ${JSON.stringify(pair)} is not old=new (write old1=new1,old2=new2)`,
      );
    }
    map[from] = to;
  }
  return map;
}

/** The definition is sent as `{ definition }`; paths shown to the person point into their file. */
const definitionPointer = "/definition";

function fileProblem(problem: ServerProblem): Problem {
  const path = problem.path.startsWith(definitionPointer)
    ? problem.path.slice(definitionPointer.length)
    : problem.path;
  return { path, code: problem.code, message: problem.message, severity: problem.severity ?? "error" };
}

export function registerImportCommand(program: Command, context: CommandContext): void {
  const command = program
    .command("import")
    .description("replace an assistant's draft with a definition exported from another instance (spec 16)")
    .argument("<file>", "the definition, as parley export wrote it")
    .requiredOption("--id <id>", "the assistant to import into (create it first; its ids are kept)")
    .option(
      "--knowledge-base-map <pairs>",
      "knowledge base ids of the exporting instance to ids here: old=new,old2=new2 (then every one must be mapped)",
    );
  addServerOptions(command)
    .addHelpText(
      "after",
      `
Examples:
  parley import support.json --id 0c5e… --server https://parley.example.com --key $PRODUCTION_KEY
  parley import support.json --id 0c5e… --knowledge-base-map kb-sandbox=kb-production

The assistant's id and public id, and every dialog's assistantId, become the target's. The
draft is saved even with problems that would block publishing; they are listed. The key
needs org.permission.assistant.update.

Exit codes: 0 imported, 1 the server refused it (the reasons are listed), 2 bad options or file.`,
    )
    .action(async (file: string, options: ImportOptions) => {
      const text = await readTextFile(file);
      let definition: unknown;
      try {
        definition = JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
      } catch (error) {
        throw new CliError(
          `${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      const knowledgeBaseMap =
        options.knowledgeBaseMap === undefined ? undefined : parseKnowledgeBaseMap(options.knowledgeBaseMap);

      let imported: ImportedAssistant;
      try {
        const response = await callApi<ImportedAssistant>(
          options,
          "PUT",
          `/v1/assistants/${encodeURIComponent(options.id)}`,
          { definition, ...(knowledgeBaseMap ? { knowledgeBaseMap } : {}) },
        );
        imported = response.body;
      } catch (error) {
        if (error instanceof ServerError && error.problems.length > 0) {
          const lines = error.problems.map((problem) => `  ${formatProblem(fileProblem(problem))}`);
          throw new CliError(`${error.message}\n${lines.join("\n")}`, exitCodes.failure);
        }
        throw error;
      }

      for (const problem of imported.problems) context.io.stdout(`${formatProblem(problem)}\n`);
      const { errors, warnings } = countProblems(imported.problems);
      const still =
        errors > 0
          ? `; ${plural(errors, "error")} to fix before publishing`
          : warnings > 0
            ? `; ${plural(warnings, "warning")}`
            : "";
      context.io.stdout(
        `Imported ${file} into ${JSON.stringify(imported.internalName)} (${imported.id}), draft revision ${imported.draftRevision}${still}\n`,
      );
    });
}
