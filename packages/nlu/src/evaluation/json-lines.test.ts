import { describe, expect, it } from "vitest";
import { formatLabeledLines, parseLabeledLines } from "./json-lines.ts";

describe("parseLabeledLines", () => {
  it("reads one line per text, null meaning out of scope, skipping blank lines", () => {
    const parsed = parseLabeledLines(
      '{"text": "where is my order", "intent": "Where is my order"}\r\n\n{"text": "tell me a joke", "intent": null}\n',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.lines).toEqual([
      { text: "where is my order", intent: "Where is my order" },
      { text: "tell me a joke", intent: null },
    ]);
  });

  it("names the line number and the field of every problem", () => {
    const parsed = parseLabeledLines(
      [
        '{"text": "fine", "intent": "A"}',
        "{not json",
        '{"intent": "A"}',
        '{"text": "no intent field"}',
        '{"text": "", "intent": 3}',
        '["text", "intent"]',
      ].join("\n"),
    );
    expect(parsed.lines).toHaveLength(1);
    expect(parsed.problems.map(({ line, field }) => [line, field])).toEqual([
      [2, undefined],
      [3, "text"],
      [4, "intent"],
      [5, "text"],
      [5, "intent"],
      [6, undefined],
    ]);
    expect(parsed.problems[2]?.message).toContain("null");
  });

  it("reads back what formatLabeledLines writes", () => {
    const lines = [
      { text: 'a "quoted" text', intent: "A" },
      { text: "b", intent: null },
    ];
    expect(parseLabeledLines(formatLabeledLines(lines)).lines).toEqual(lines);
  });
});
