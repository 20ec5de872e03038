import { describe, expect, it } from "vitest";
import { normalizeText } from "./normalize.ts";
import { englishConcepts, isListedEnglishWord } from "./synonyms.ts";

const concepts = (text: string) => englishConcepts(normalizeText(text, "en"));

describe("englishConcepts", () => {
  it("finds the same groups in different words for the same thing", () => {
    expect(concepts("I misplaced my cellphone")).toEqual(expect.arrayContaining(["lost", "phone"]));
    expect(concepts("I lost my phone")).toEqual(expect.arrayContaining(["lost", "phone"]));
    expect(concepts("get me a representative")).toContain("agent");
  });

  it("knows everyday words beyond support, in groups of one sense", () => {
    expect(concepts("can we postpone the meeting")).toContain("reschedule");
    expect(concepts("my card stopped working")).toContain("broken");
    // "may" is a stop word far more often than a month.
    expect(concepts("may I ask something")).not.toContain("month");
  });

  it("matches entries of several words as a sequence only", () => {
    expect(concepts("I need some time off")).toContain("vacation");
    expect(concepts("time is off")).not.toContain("vacation");
  });

  it("knows listed words are real words, not typos", () => {
    expect(isListedEnglishWord("reimbursement")).toBe(true);
    expect(isListedEnglishWord("reimbursemnet")).toBe(false);
  });
});
