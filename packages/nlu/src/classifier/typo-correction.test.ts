import { describe, expect, it } from "vitest";
import { buildTypoIndex, correctWord } from "./typo-correction.ts";

const index = buildTypoIndex(["cancel", "order", "password", "refund", "delivery", "wind"]);

describe("correctWord", () => {
  it("corrects one missing, extra, wrong or swapped letter to a known word", () => {
    expect(correctWord("passwrd", index, 5)).toBe("password");
    expect(correctWord("passsword", index, 5)).toBe("password");
    expect(correctWord("pasxword", index, 5)).toBe("password");
    expect(correctWord("cancle", index, 5)).toBe("cancel");
    expect(correctWord("delivrey", index, 5)).toBe("delivery");
  });

  it("leaves short words, known words, placeholders and distant words alone", () => {
    expect(correctWord("ordr", index, 5)).toBe("ordr");
    expect(correctWord("refund", index, 5)).toBe("refund");
    expect(correctWord("<number>", index, 5)).toBe("<number>");
    expect(correctWord("passwodr2x", index, 5)).toBe("passwodr2x");
  });

  it("does not turn a real word into a neighbouring known word", () => {
    // "window" is listed English; "winds" is one edit from the known "wind" but is the plural.
    expect(correctWord("windy", index, 4)).toBe("windy");
  });
});
