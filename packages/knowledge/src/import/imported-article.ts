/**
 * An article as the import endpoint of the knowledge-base API takes it
 * (`POST /v1/knowledge-bases/{id}/articles/import`). Fields left out take the
 * server's defaults on creation and keep their stored values on update.
 */
export interface ImportedArticle {
  title: string;
  body: string;
  bodyFormat: "markdown" | "html";
  language?: string;
  slug?: string;
  categories?: string[];
  status?: "draft" | "published";
  visibility?: "public" | "internal";
}

/** Where an article or a problem comes from, so a person can open the file at that line. */
export interface ArticleSource {
  /** The file as the caller named it. */
  file: string;
  /** 1-based; for a CSV row, the line the row starts on. */
  line: number;
  /** For CSV: the data row, counted from 1 after the header. */
  row?: number;
}

export interface ImportProblem {
  source: ArticleSource;
  /** The article field (or CSV column, front matter key) at fault. */
  field?: string;
  message: string;
  /** Errors block the import; warnings are reported and the article goes ahead. */
  severity: "error" | "warning";
}

export interface SourcedArticle {
  source: ArticleSource;
  article: ImportedArticle;
}

export interface ParsedArticles {
  articles: SourcedArticle[];
  problems: ImportProblem[];
}

export function hasBlockingProblems(problems: readonly ImportProblem[]): boolean {
  return problems.some((problem) => problem.severity === "error");
}
