import { describe, expect, it } from "vitest";
import { stemEnglish } from "./english-stemmer.ts";

describe("stemEnglish", () => {
  it("follows Porter's published examples", () => {
    const examples: Record<string, string> = {
      caresses: "caress",
      ponies: "poni",
      cats: "cat",
      feed: "feed",
      agreed: "agre",
      plastered: "plaster",
      motoring: "motor",
      hopping: "hop",
      filing: "file",
      happy: "happi",
      relational: "relat",
      conditional: "condit",
      digitizer: "digit",
      hopefulness: "hope",
      electrical: "electr",
      adjustment: "adjust",
      controlling: "control",
      roll: "roll",
    };
    for (const [word, stem] of Object.entries(examples)) expect(stemEnglish(word), word).toBe(stem);
  });

  it("brings the forms customers type to one stem", () => {
    const forms = ["refund", "refunds", "refunded", "refunding"].map(stemEnglish);
    expect(new Set(forms).size).toBe(1);
    expect(stemEnglish("deliveries")).toBe(stemEnglish("delivery"));
  });

  it("leaves short words and words with other characters alone", () => {
    expect(stemEnglish("is")).toBe("is");
    expect(stemEnglish("w2")).toBe("w2");
  });
});
