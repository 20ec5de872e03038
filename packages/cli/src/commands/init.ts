import { randomUUID } from "node:crypto";
import {
  type AssistantTemplateName,
  assistantTemplateNames,
  channels,
  createAssistantFromTemplate,
  type TemplateLanguage,
  TemplateOptionError,
  templateLanguages,
} from "@parley/model";
import { type Command, Option } from "commander";
import { CliError } from "../exit-codes.ts";
import { writeTextFile } from "../files.ts";
import { type CommandContext, formatJson } from "../io.ts";

interface InitOptions {
  template: AssistantTemplateName;
  channel?: (typeof channels)[number];
  type?: "lite" | "premium";
  language?: TemplateLanguage;
  name?: string;
  output?: string;
  force?: boolean;
}

/** The command-line option behind each template option, for error messages. */
const optionFlags: Record<string, string> = {
  template: "--template",
  channel: "--channel",
  type: "--type",
  language: "--language",
  internalName: "--name",
};

/** Ids are random here, at the edge: the model's templates stay pure and deterministic. */
function newIds(): { id: string; publicId: string } {
  const compact = () => randomUUID().replaceAll("-", "");
  return { id: `asst_${compact()}`, publicId: `pub_${compact()}` };
}

export function registerInitCommand(program: Command, context: CommandContext): void {
  program
    .command("init")
    .description("create an assistant from a template and write it as JSON")
    .addOption(
      new Option("-t, --template <template>", "the template to start from")
        .choices(assistantTemplateNames)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option("-c, --channel <channel>", "the channel the assistant serves (default: chat)").choices(
        channels,
      ),
    )
    .addOption(
      new Option(
        "--type <type>",
        "the assistant type (default: lite; premium for respond-with-ai; voice is lite only)",
      ).choices(["lite", "premium"]),
    )
    .addOption(
      new Option("-l, --language <language>", "the language of the messages (default: en)").choices(
        templateLanguages,
      ),
    )
    .option("-n, --name <name>", "the internal name (default: the template's name in the chosen language)")
    .option("-o, --output <file>", "write to this file instead of stdout (folders are created)")
    .option("-f, --force", "overwrite the output file if it exists")
    .addHelpText(
      "after",
      `
Examples:
  parley init --template tutorial -o tutorial.json
  parley init --template respond-with-ai --channel whatsapp --language es -o ai.json
  parley init --template blank --channel voice --name "Phone line" > phone.json

Pro assistants are legacy and cannot be created.`,
    )
    .action(async (options: InitOptions) => {
      let assistant: ReturnType<typeof createAssistantFromTemplate>;
      try {
        assistant = createAssistantFromTemplate(options.template, {
          ...newIds(),
          ...(options.channel ? { channel: options.channel } : {}),
          ...(options.type ? { type: options.type } : {}),
          ...(options.language ? { language: options.language } : {}),
          ...(options.name !== undefined ? { internalName: options.name } : {}),
        });
      } catch (error) {
        if (error instanceof TemplateOptionError) {
          throw new CliError(`option ${optionFlags[error.option] ?? error.option}: ${error.message}`);
        }
        throw error;
      }

      const json = formatJson(assistant);
      if (options.output === undefined) {
        context.io.stdout(json);
        return;
      }
      await writeTextFile(options.output, json, { overwrite: options.force === true });
      context.io.stdout(
        `Created ${options.output}: ${options.template} assistant (${assistant.channel}, ${assistant.type}, ${assistant.defaultLanguage})\n`,
      );
    });
}
