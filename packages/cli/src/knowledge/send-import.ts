import type { SourcedArticle } from "@parley/knowledge";
import { callApi, ServerError, type ServerOptions, type ServerProblem } from "../api-client.ts";
import { CliError, exitCodes } from "../exit-codes.ts";
import { formatCount } from "../intents/progress.ts";
import type { CliIo } from "../io.ts";
import { splitIntoBatches } from "./import-plan.ts";
import { formatSource, limitedLines, problemLine } from "./problem-lines.ts";

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

interface ImportAnswer extends ImportCounts {
  results: { index: number; id: string; slug: string; language: string; action: string }[];
}

/** `/articles/12/title` → article 12, field title; paths the server gives for the whole request stay as they are. */
const articlePointer = /^\/articles\/(\d+)(?:\/(.+))?$/;

/** A problem of the server's answer, pointed at the file and line the article came from. */
function sourcedProblem(problem: ServerProblem, batch: readonly SourcedArticle[]): string {
  const match = articlePointer.exec(problem.path);
  const entry = match ? batch[Number(match[1])] : undefined;
  if (!entry) return `${problem.path || "/"} ${problem.code}: ${problem.message}`;
  const field = match?.[2]?.split("/")[0];
  return problemLine(formatSource(entry.source), field, `${problem.message} (${problem.code})`);
}

export function countsText(counts: ImportCounts): string {
  return `${formatCount(counts.created)} created, ${formatCount(counts.updated)} updated, ${formatCount(counts.unchanged)} unchanged`;
}

/**
 * Sends the articles in requests of at most 500 (and 8 MiB), in order, with a progress line
 * per request on stderr when there are several. Each request is all or nothing on the server;
 * when one is refused, its problems are listed against the files they came from, and the
 * message says how many articles the earlier requests already imported.
 */
export async function sendImport(
  server: ServerOptions,
  knowledgeBaseId: string,
  articles: readonly SourcedArticle[],
  io: CliIo,
): Promise<ImportCounts> {
  const path = `/v1/knowledge-bases/${encodeURIComponent(knowledgeBaseId)}/articles/import`;
  const batches = splitIntoBatches(articles.map((entry) => entry.article));
  const total: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  let sent = 0;
  for (const { start, end } of batches) {
    const batch = articles.slice(start, end);
    try {
      const response = await callApi<ImportAnswer>(server, "POST", path, {
        articles: batch.map((entry) => entry.article),
      });
      total.created += response.body.created;
      total.updated += response.body.updated;
      total.unchanged += response.body.unchanged;
    } catch (error) {
      if (!(error instanceof ServerError)) throw error;
      const lines = limitedLines(error.problems.map((problem) => sourcedProblem(problem, batch)));
      const before =
        sent === 0
          ? "Nothing was imported."
          : `The first ${formatCount(sent)} of ${formatCount(articles.length)} articles were imported (${countsText(total)}); the rest were not.`;
      throw new CliError(
        [error.message, ...lines.map((line) => `  ${line}`), before].join("\n"),
        exitCodes.failure,
      );
    }
    sent = end;
    if (batches.length > 1) {
      io.stderr(`imported ${formatCount(sent)}/${formatCount(articles.length)} articles\n`);
    }
  }
  return total;
}
