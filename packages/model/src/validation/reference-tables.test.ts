import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { channelTable, problemCodeTable, withReferenceTables } from "./reference-tables.ts";

const formatDocument = new URL("../../../../docs/assistant-format.md", import.meta.url);

describe("the tables of docs/assistant-format.md", () => {
  it("match the capability tables and problem codes (run packages/model/scripts/write-format-tables.ts when this fails)", () => {
    const document = readFileSync(formatDocument, "utf8");
    expect(withReferenceTables(document)).toBe(document);
  });

  it("show what the capability tables say", () => {
    const buttonRow = channelTable()
      .split("\n")
      .find((row) => row.includes("`button_question`"));
    expect(buttonRow?.replace(/ +/g, " ")).toBe("| Button question | `button_question` | ✓ | | | | | |");
  });

  it("list every problem code once", () => {
    const codes = problemCodeTable()
      .split("\n")
      .slice(2)
      .map((row) => row.split("|")[1]?.trim());
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain("`endless_loop`");
  });
});
