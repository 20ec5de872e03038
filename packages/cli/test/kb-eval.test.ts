import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/main.ts";
import { createTempDirectory, runParley, stackTraceLine } from "./run-parley.ts";

const articles = [
  {
    id: "returns",
    title: "What is your return policy?",
    body: "You can return most items within 30 days of delivery for a refund.\n\nItems must be unused, in their original packaging.",
  },
  {
    id: "tracking",
    title: "Track your order",
    body: "Open Orders and select Track to see where your parcel is. The tracking link arrives by email once the order ships.",
  },
  {
    id: "password",
    title: "Reset your password",
    body: "Click Forgot password on the sign-in page and follow the link we email you.",
  },
  {
    id: "gift-cards",
    title: "Gift cards",
    body: "Gift cards never expire and can be used on any order in the online store.",
  },
  {
    id: "devoluciones",
    title: "¿Cuál es la política de devoluciones?",
    body: "Puedes devolver la mayoría de los artículos en 30 días.",
    language: "es",
  },
];

const queries = [
  { query: "how do I return something for a refund", articleId: "returns" },
  { query: "how do I track my order", articleId: "tracking" },
  { query: "I forgot my password", articleId: "password" },
  { query: "do gift cards expire", articleId: "gift-cards" },
  { query: "what is the capital of Peru", articleId: null },
];

const requiredKeys = ["hitAt1", "hitAt3", "mrr", "ndcgAt3", "refusalRate", "answerRate", "p50Ms", "p99Ms"];

let directory: ReturnType<typeof createTempDirectory>;
beforeAll(() => {
  directory = createTempDirectory();
});
afterAll(() => directory.remove());

function file(name: string, lines: readonly unknown[] | string): string {
  const path = join(directory.path, name);
  writeFileSync(
    path,
    typeof lines === "string" ? lines : `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`,
  );
  return path;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** In this process: much faster than starting Node for every case. */
async function evaluate(...args: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const status = await main(["kb", "eval", ...args], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { status, stdout, stderr };
}

function expectUsageError(run: Run, ...parts: string[]): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr).not.toMatch(stackTraceLine);
  for (const part of parts) expect(run.stderr).toContain(part);
}

describe("parley kb eval", () => {
  it("prints exactly one JSON object with the figures, through the real bin", () => {
    const run = runParley(
      [
        "kb",
        "eval",
        "--articles",
        file("articles.jsonl", articles),
        "--queries",
        file("queries.jsonl", queries),
        "--json",
      ],
      directory.path,
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    for (const key of requiredKeys) expect(report, key).toHaveProperty(key);
    expect(report).toMatchObject({ relatedQueries: 4, unrelatedQueries: 1, articles: 4, language: "en" });
    // Easy questions: a search that ranks them below third has regressed, whatever its tuning.
    expect(report.hitAt3).toBe(1);
    expect(report.hitAt1).toBeGreaterThanOrEqual(0.75);
    expect(report.refusalRate).toBe(1);
    expect(report.misses).toEqual([]);
    expect(typeof report.p50Ms).toBe("number");
  });

  it("prints a table and the first misses for people", async () => {
    const run = await evaluate(
      "--articles",
      file("articles.jsonl", articles),
      "--queries",
      file("misses.jsonl", [...queries, { query: "Forgot password link", articleId: "gift-cards" }]),
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("Indexed 4 articles of");
    expect(run.stdout).toContain("6 queries of");
    expect(run.stdout).toMatch(/^hit@1 \(related\) +\d+\.\d%$/m);
    expect(run.stdout).toMatch(/^MRR \(related\) +0\.\d{3}$/m);
    expect(run.stdout).toMatch(/^refusal rate \(unrelated\) +100\.0%$/m);
    expect(run.stdout).toMatch(/^search p99 +\d+\.\d+ ms$/m);
    expect(run.stdout).toContain("misses (the article was not in the first three)");
    expect(run.stdout).toMatch(/^Forgot password link +gift-cards +password/m);
  });

  it("searches in --language, with the articles that have no language", async () => {
    const run = await evaluate(
      "--articles",
      file("articles.jsonl", articles),
      "--queries",
      file("es.jsonl", [
        { query: "quiero devolver un artículo", articleId: "devoluciones" },
        { query: "¿cuál es la capital de Perú?", articleId: null },
      ]),
      "--language",
      "es",
      "--json",
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ articles: 5, language: "es", hitAt1: 1 });
  });

  it("reports progress on stderr every 100 queries of a long file", async () => {
    const many = Array.from({ length: 1000 }, (_, index) => queries[index % queries.length]);
    const run = await evaluate(
      "--articles",
      file("articles.jsonl", articles),
      "--queries",
      file("many.jsonl", many),
      "--json",
    );
    expect(run.status).toBe(0);
    const progress = run.stderr.trim().split("\n");
    expect(progress).toHaveLength(9);
    expect(progress[0]).toBe("searched 100 of 1,000 queries");
    expect(JSON.parse(run.stdout).relatedQueries).toBe(800);
  });

  it("refuses bad lines with file:line: field: message", async () => {
    const path = file(
      "bad-articles.jsonl",
      '{"id": "a", "title": "A", "body": "x"}\n\n{"id": "b", "title": ""}\nnot json\n',
    );
    const run = await evaluate("--articles", path, "--queries", file("queries.jsonl", queries));
    expectUsageError(
      run,
      `error: ${path} is not valid JSON lines (2 bad lines):`,
      `${path}:3: title: must be a non-empty string`,
      `${path}:3: body: is missing`,
      `${path}:4: not valid JSON:`,
    );
  });

  it("names the queries whose article is not in the articles file, with the id that was probably meant", async () => {
    const path = file("unknown.jsonl", [
      { query: "a", articleId: "Returns" },
      { query: "b", articleId: "trackng" },
      { query: "c", articleId: "trackng" },
      { query: "d", articleId: "something-else" },
    ]);
    const run = await evaluate("--articles", file("articles.jsonl", articles), "--queries", path);
    expectUsageError(
      run,
      `${path} names 3 article ids that`,
      '"Returns" (line 1; did you mean "returns"?)',
      '"trackng" (line 2 and 1 more line; did you mean "tracking"?)',
      '"something-else" (line 4)',
    );
  });

  it("refuses files it cannot use: unreadable, without related queries, repeated ids, no article in the language", async () => {
    const articlesPath = file("articles.jsonl", articles);
    expectUsageError(
      await evaluate("--articles", join(directory.path, "missing.jsonl"), "--queries", articlesPath),
      "cannot read",
      "no such file or directory",
    );
    expectUsageError(
      await evaluate(
        "--articles",
        articlesPath,
        "--queries",
        file("unrelated.jsonl", [{ query: "x", articleId: null }]),
      ),
      "has no related queries",
    );
    const twice = file("twice.jsonl", [...articles, { id: "returns", title: "Again", body: "x" }]);
    expectUsageError(
      await evaluate("--articles", twice, "--queries", file("queries.jsonl", queries)),
      `${twice}:6: id: "returns" is also the id on line 1`,
    );
    // Articles that say their language: those without one would be in whatever language is searched.
    const labeled = file(
      "labeled.jsonl",
      articles.map((article) => ({ language: "en", ...article })),
    );
    const queriesPath = file("queries.jsonl", queries);
    expectUsageError(
      await evaluate("--articles", labeled, "--queries", queriesPath, "--language", "pt"),
      "has no article in pt: its articles are in en (4), es (1)",
    );
    expectUsageError(
      await evaluate("--articles", labeled, "--queries", queriesPath, "--language", "es"),
      `${queriesPath}:1: articleId: "returns" is an article in another language than es`,
    );
    expectUsageError(await evaluate("--articles", articlesPath), "required option '--queries <file>'");
  });
});
