import type { LabeledLine } from "./labeled-line.ts";

export interface LineProblem {
  /** 1-based line number in the file. */
  line: number;
  /** The field at fault, when one is. */
  field?: "text" | "intent";
  message: string;
}

export interface ParsedLines {
  lines: LabeledLine[];
  problems: LineProblem[];
}

/**
 * Reads an evaluation file: one JSON object per line,
 * `{"text": "...", "intent": "name"}`, or `"intent": null` for a text that
 * is out of scope. Blank lines are skipped. Every bad line is reported with
 * its number and field, so a whole file can be fixed in one pass.
 */
export function parseLabeledLines(content: string): ParsedLines {
  const lines: LabeledLine[] = [];
  const problems: LineProblem[] = [];
  content.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      problems.push({ line, message: `not valid JSON: ${(error as Error).message}` });
      return;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      problems.push({ line, message: 'expected an object such as {"text": "...", "intent": "name"}' });
      return;
    }
    const record = value as Record<string, unknown>;
    const problemCount = problems.length;
    if (typeof record.text !== "string" || record.text.trim() === "") {
      problems.push({ line, field: "text", message: "text must be a non-empty string" });
    }
    if (!("intent" in record)) {
      problems.push({ line, field: "intent", message: "intent is missing (use null for out of scope)" });
    } else if (record.intent !== null && (typeof record.intent !== "string" || record.intent.trim() === "")) {
      problems.push({ line, field: "intent", message: "intent must be an intent name or null" });
    }
    if (problems.length === problemCount) {
      lines.push({
        text: record.text as string,
        intent: record.intent === null ? null : (record.intent as string),
      });
    }
  });
  return { lines, problems };
}

/** Evaluation lines as JSON lines text, the format `parseLabeledLines` reads. */
export function formatLabeledLines(lines: readonly LabeledLine[]): string {
  return lines.map((line) => JSON.stringify({ text: line.text, intent: line.intent })).join("\n");
}
