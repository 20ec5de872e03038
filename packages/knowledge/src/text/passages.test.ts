import { describe, expect, it } from "vitest";
import { analyzerFor, baseLanguage } from "./analyzer.ts";
import { splitPassages } from "./passages.ts";

describe("splitPassages", () => {
  it("splits on blank lines and keeps a list with the line that introduces it", () => {
    expect(splitPassages("First paragraph.\n\nTo return:\n\n- one\n- two\n\nLast.")).toEqual([
      "First paragraph.",
      "To return:\n- one\n- two",
      "Last.",
    ]);
  });

  it("cuts a long paragraph at sentence ends", () => {
    const sentence = `Word ${"word ".repeat(39).trim()}.`;
    const passages = splitPassages(`${sentence} ${sentence} ${sentence}`);
    expect(passages).toHaveLength(2);
    expect(passages.every((passage) => passage.endsWith("."))).toBe(true);
  });
});

describe("analyzerFor", () => {
  it("stems by language, folds accents and marks stop words", () => {
    expect(analyzerFor("en").tokens("Shipping shipped")).toEqual([
      { word: "shipping", stem: "ship", stopWord: false },
      { word: "shipped", stem: "ship", stopWord: false },
    ]);
    expect(
      analyzerFor("es-MX")
        .tokens("Envío de pedidos")
        .map((token) => [token.word, token.stopWord]),
    ).toEqual([
      ["envio", false],
      ["de", true],
      ["pedidos", false],
    ]);
    expect(
      analyzerFor("fr")
        .tokens("Livraisons")
        .map((token) => token.stem),
    ).toEqual(["livraisons"]);
  });

  it("reads base languages from BCP-47 tags", () => {
    expect(baseLanguage("pt-BR")).toBe("pt");
    expect(baseLanguage("EN_us")).toBe("en");
    expect(baseLanguage("")).toBe("");
    expect(baseLanguage(7)).toBe("");
  });
});
