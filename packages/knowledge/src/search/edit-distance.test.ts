import { describe, expect, it } from "vitest";
import { withinEdits } from "./edit-distance.ts";
import { TypoCandidates } from "./typo-candidates.ts";

describe("withinEdits", () => {
  it("counts insertions, deletions, substitutions and swaps as one edit each", () => {
    expect(withinEdits("pasword", "password", 1)).toBe(true);
    expect(withinEdits("passwords", "password", 1)).toBe(true);
    expect(withinEdits("passwird", "password", 1)).toBe(true);
    expect(withinEdits("passwrod", "password", 1)).toBe(true);
    expect(withinEdits("pswrd", "password", 1)).toBe(false);
    expect(withinEdits("pswrod", "password", 2)).toBe(false);
    expect(withinEdits("shiping", "shipping", 2)).toBe(true);
    expect(withinEdits("refund", "refund", 0)).toBe(true);
  });
});

describe("TypoCandidates", () => {
  it("finds the words a typo or two away, and not the word itself", () => {
    const candidates = new TypoCandidates([
      "password",
      "passport",
      "refund",
      "return",
      "shipping",
      "shopping",
    ]);
    expect(candidates.within("pasword", 1)).toEqual(["password"]);
    expect(candidates.within("shiping", 1).sort()).toEqual(["shipping"]);
    expect(candidates.within("shoping", 2).sort()).toEqual(["shipping", "shopping"]);
    expect(candidates.within("refund", 1)).toEqual([]);
  });
});
