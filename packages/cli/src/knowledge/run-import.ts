import { hasBlockingProblems, type ImportedArticle } from "@parley/knowledge";
import { callApi, type ServerOptions } from "../api-client.ts";
import { CliError } from "../exit-codes.ts";
import { formatCount } from "../intents/progress.ts";
import type { CliIo } from "../io.ts";
import { collectArticles } from "./article-sources.ts";
import { formatDryRun } from "./dry-run-summary.ts";
import { duplicateProblems, type ImportDefaults, withDefaults } from "./import-plan.ts";
import { formatImportProblem, limitedLines } from "./problem-lines.ts";
import { countsText, sendImport } from "./send-import.ts";

export interface KnowledgeImportOptions extends ServerOptions {
  knowledgeBase?: string;
  publish?: boolean;
  status?: ImportedArticle["status"];
  visibility?: ImportedArticle["visibility"];
  language?: string;
  dryRun?: boolean;
}

interface KnowledgeBase {
  id: string;
  name: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function knowledgeBaseId(options: KnowledgeImportOptions): string | undefined {
  const id = options.knowledgeBase?.trim();
  if (id === undefined) {
    if (options.dryRun) return undefined;
    throw new CliError("--knowledge-base <id> is required (add --dry-run to only check the files)");
  }
  if (!uuidPattern.test(id)) {
    throw new CliError(
      `option --knowledge-base: ${JSON.stringify(id)} is not a knowledge base id (a UUID, as GET /v1/knowledge-bases lists them)`,
    );
  }
  return id;
}

function importDefaults(options: KnowledgeImportOptions): ImportDefaults {
  const status = options.publish ? "published" : options.status;
  return {
    ...(status ? { status } : {}),
    ...(options.visibility ? { visibility: options.visibility } : {}),
    ...(options.language ? { language: options.language } : {}),
  };
}

function counted(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? "" : "s"}`;
}

/**
 * `parley kb import`: parse every file first and refuse them all, naming file, line and field,
 * before anything is sent; then send them in requests of at most 500 articles.
 */
export async function runKnowledgeImport(
  paths: readonly string[],
  options: KnowledgeImportOptions,
  io: CliIo,
): Promise<void> {
  const id = knowledgeBaseId(options);
  // Checked before the files are read: a folder of thousands of files takes a while to parse.
  if (!options.dryRun && !options.key)
    throw new CliError("no API key: pass --key <key> or set PARLEY_API_KEY");
  const collected = await collectArticles(paths);
  const articles = withDefaults(collected.articles, importDefaults(options));
  const problems = [...collected.problems, ...duplicateProblems(articles)];
  const warnings = problems.filter((problem) => problem.severity === "warning");
  for (const line of limitedLines(warnings.map(formatImportProblem))) io.stderr(`${line}\n`);
  if (hasBlockingProblems(problems)) {
    const errors = problems.filter((problem) => problem.severity === "error");
    const files = new Set(errors.map((problem) => problem.source.file)).size;
    throw new CliError(
      `${counted(errors.length, "problem")} in ${counted(files, "file")}; nothing was sent:\n${limitedLines(errors.map(formatImportProblem)).join("\n")}`,
    );
  }
  if (articles.length === 0) {
    throw new CliError(`no articles to import in ${paths.join(", ")}`);
  }
  if (options.dryRun) {
    io.stdout(formatDryRun(articles, collected.files.length, id));
    return;
  }
  const target = id as string;
  // Asked first so that a wrong id or key fails before any article is sent, and to name the knowledge base.
  const knowledgeBase = (
    await callApi<KnowledgeBase>(options, "GET", `/v1/knowledge-bases/${encodeURIComponent(target)}`)
  ).body;
  const counts = await sendImport(options, target, articles, io);
  io.stdout(
    `Imported ${counted(articles.length, "article")} from ${counted(collected.files.length, "file")} into ${JSON.stringify(knowledgeBase.name)} (${knowledgeBase.id}): ${countsText(counts)}\n`,
  );
}
