import { type Command, InvalidArgumentError, Option } from "commander";
import { addServerOptions } from "../api-client.ts";
import { formatCount } from "../intents/progress.ts";
import { type CliIo, type CommandContext, formatJson } from "../io.ts";
import { readEvaluationFiles } from "../knowledge/evaluation-files.ts";
import { formatKnowledgeEvaluation, knowledgeEvaluationJson } from "../knowledge/evaluation-report.ts";
import { type KnowledgeImportOptions, runKnowledgeImport } from "../knowledge/run-import.ts";
import { runKnowledgeEvaluation } from "../knowledge/run-knowledge-evaluation.ts";

interface EvaluateOptions {
  articles: string;
  queries: string;
  language: string;
  json?: boolean;
}

/** Below this many queries an evaluation takes about a second, and progress lines would only be noise. */
const progressFromQueries = 1000;

/** The server's language tags (`en`, `pt-BR`), kept lower-case as it stores them. */
function parseLanguage(value: string): string {
  const language = value.trim();
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language)) {
    throw new InvalidArgumentError("must be a language tag such as en, es or pt-BR");
  }
  return language.toLowerCase();
}

function searchProgress(io: CliIo): (done: number, total: number) => void {
  return (done, total) => {
    if (total >= progressFromQueries && done < total) {
      io.stderr(`searched ${formatCount(done)} of ${formatCount(total)} queries\n`);
    }
  };
}

function registerImport(knowledgeBase: Command, context: CommandContext): void {
  const command = knowledgeBase
    .command("import")
    .description("create or update a knowledge base's articles from Markdown, HTML, JSON-lines or CSV files")
    .argument(
      "<paths...>",
      "files (.md, .markdown, .html, .htm, .jsonl, .csv) or folders searched recursively",
    )
    .option("--knowledge-base <id>", "the knowledge base to import into (not needed with --dry-run)")
    .addOption(
      new Option("--publish", "publish the articles whose files do not set a status").conflicts("status"),
    )
    .addOption(
      new Option("--status <status>", "the status of articles whose files do not set one").choices([
        "draft",
        "published",
      ]),
    )
    .addOption(
      new Option(
        "--visibility <visibility>",
        "the visibility of articles whose files do not set one",
      ).choices(["public", "internal"]),
    )
    .option(
      "--language <language>",
      "the language of articles whose files do not set one (default: the knowledge base's)",
      parseLanguage,
    )
    .option("--dry-run", "check the files and show what would be sent, without sending anything");
  addServerOptions(command)
    .addHelpText(
      "after",
      `
Examples:
  parley kb import --knowledge-base 6f1c… help-center/ --publish
  parley kb import --knowledge-base 6f1c… articles.csv faq.jsonl --language es
  parley kb import help-center/ --dry-run

Articles are matched by language and slug (made from the title when there is none): an
article that exists is updated, keeping what its file leaves out. Every file is checked
before anything is sent; problems are listed as file:line: field: message. Articles go in
requests of at most 500, each all or nothing. The key needs org.read and org.admin.apps.write.

Exit codes: 0 imported (or checked, with --dry-run), 1 the server refused a request or
cannot be reached, 2 bad options or files.`,
    )
    .action(async (paths: string[], options: KnowledgeImportOptions) => {
      await runKnowledgeImport(paths, options, context.io);
    });
}

function registerEval(knowledgeBase: Command, context: CommandContext): void {
  knowledgeBase
    .command("eval")
    .description("measure article search on questions labeled with the article that answers them")
    .requiredOption(
      "--articles <file>",
      'JSON lines {"id": "...", "title": "...", "body": "...", "language"?: "en"}',
    )
    .requiredOption(
      "--queries <file>",
      'JSON lines {"query": "...", "articleId": "..."}; null for unrelated questions',
    )
    .option(
      "--language <language>",
      "the language searched; articles without one are in it",
      parseLanguage,
      "en",
    )
    .option("--json", "print one JSON object instead of a table")
    .addHelpText(
      "after",
      `
Examples:
  parley kb eval --articles articles.jsonl --queries queries.jsonl
  parley kb eval --articles articulos.jsonl --queries preguntas.jsonl --language es --json

Ranking figures (hit@1, hit@3, MRR, NDCG@3, answer rate) are over related queries; the
refusal rate is over unrelated ones ("articleId": null). Progress goes to stderr.
Exit codes: 0 measured, 2 bad options or a file that cannot be read or used.`,
    )
    .action(async (options: EvaluateOptions) => {
      const files = await readEvaluationFiles(options.articles, options.queries);
      const run = runKnowledgeEvaluation(files, {
        language: options.language,
        now: () => performance.now(),
        onProgress: searchProgress(context.io),
      });
      context.io.stdout(
        options.json
          ? formatJson(knowledgeEvaluationJson(run))
          : formatKnowledgeEvaluation(run, { articlesPath: options.articles, queriesPath: options.queries }),
      );
    });
}

export function registerKnowledgeBaseCommand(program: Command, context: CommandContext): void {
  const knowledgeBase = program
    .command("kb")
    .description("import articles into a knowledge base, and measure search");
  registerImport(knowledgeBase, context);
  registerEval(knowledgeBase, context);
}
