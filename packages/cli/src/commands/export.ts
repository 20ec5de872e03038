import type { Command } from "commander";
import { addServerOptions, callApi, type ServerOptions } from "../api-client.ts";
import { CliError, exitCodes } from "../exit-codes.ts";
import { writeTextFile } from "../files.ts";
import { type CommandContext, formatJson } from "../io.ts";

interface ExportOptions extends ServerOptions {
  id?: string;
  publicId?: string;
  output?: string;
  force?: boolean;
}

interface ExportedAssistant {
  id: string;
  internalName: string;
  draftRevision: number;
  draft: unknown;
}

async function fetchAssistant(options: ExportOptions): Promise<ExportedAssistant> {
  if (options.id !== undefined) {
    const response = await callApi<ExportedAssistant>(
      options,
      "GET",
      `/v1/assistants/${encodeURIComponent(options.id)}`,
    );
    return response.body;
  }
  const publicId = options.publicId ?? "";
  const response = await callApi<{ data: ExportedAssistant[] }>(
    options,
    "GET",
    `/v1/assistants?publicId=${encodeURIComponent(publicId)}`,
  );
  const [assistant] = response.body.data;
  if (!assistant) {
    throw new CliError(`no assistant with the public id ${publicId} in this organization`, exitCodes.failure);
  }
  return assistant;
}

export function registerExportCommand(program: Command, context: CommandContext): void {
  const command = program
    .command("export")
    .description("download an assistant's draft definition from a Parley server (spec 16 migration)")
    .option("--id <id>", "the assistant's id")
    .option("--public-id <publicId>", "the assistant's public id, as the console shows it")
    .option("-o, --output <file>", "write to this file instead of stdout (folders are created)")
    .option("-f, --force", "overwrite the output file if it exists");
  addServerOptions(command)
    .addHelpText(
      "after",
      `
Examples:
  parley export --public-id Xk3v9QmT2pLa -o support.json --server https://sandbox.example.com --key $SANDBOX_KEY
  PARLEY_URL=https://parley.example.com PARLEY_API_KEY=prl_... parley export --id 6f1c… > support.json

The file is the definition (what "parley validate" and "parley import" read). The key needs org.read.`,
    )
    .action(async (options: ExportOptions) => {
      if ((options.id === undefined) === (options.publicId === undefined)) {
        throw new CliError("give either --id or --public-id (one of them)");
      }
      const assistant = await fetchAssistant(options);
      const json = formatJson(assistant.draft);
      if (options.output === undefined) {
        context.io.stdout(json);
        return;
      }
      await writeTextFile(options.output, json, { overwrite: options.force === true });
      context.io.stdout(
        `Exported ${JSON.stringify(assistant.internalName)} (${assistant.id}, draft revision ${assistant.draftRevision}) to ${options.output}\n`,
      );
    });
}
