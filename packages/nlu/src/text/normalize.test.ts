import { describe, expect, it } from "vitest";
import { foldText, normalizeText } from "./normalize.ts";

const words = (text: string, language: unknown = "en") =>
  normalizeText(text, language).map((word) => word.word);
const stems = (text: string, language: unknown = "en") =>
  normalizeText(text, language).map((word) => word.stem);

describe("normalizeText", () => {
  it("ignores case, punctuation and accents", () => {
    expect(words("CANCEL my Order!!!")).toEqual(words("cancel my order"));
    expect(words("Cancelación", "es")).toEqual(["cancelacion"]);
    expect(foldText("Ação Rápida")).toBe("acao rapida");
  });

  it("makes British and American spellings one word", () => {
    expect(words("my favourite colour was cancelled")).toEqual(words("my favorite color was canceled"));
    expect(words("organise the catalogue")).toEqual(words("organize the catalog"));
    // Words that only look British stay as they are.
    expect(words("I promise to exercise")).toEqual(["i", "promise", "to", "exercise"]);
    expect(words("four hours")).toEqual(
      ["four", "hours"].map((word) => (word === "four" ? "<number>" : word)),
    );
  });

  it("gives word forms one stem", () => {
    const [cancelled, cancels, canceling] = ["cancelled", "cancels", "canceling"].map(
      (word) => stems(word)[0],
    );
    expect(cancelled).toBe(cancels);
    expect(canceling).toBe(cancels);
    expect(stems("pedidos cancelados", "es")).toEqual(stems("pedido cancelado", "es"));
    expect(stems("encomendas canceladas", "pt-BR")).toEqual(stems("encomenda cancelada", "pt-BR"));
  });

  it("expands contractions, with or without the apostrophe", () => {
    expect(words("I can't log in")).toEqual(["i", "can", "not", "log", "in"]);
    expect(words("I cant log in")).toEqual(words("I can’t log in"));
    expect(words("dont")).toEqual(["do", "not"]);
  });

  it("replaces order numbers, codes, amounts, times, emails and links with placeholders", () => {
    expect(words("cancel order XXEE444")).toEqual(words("cancel order 12345"));
    expect(words("a refund of $299.99")).toEqual(["a", "refund", "of", "<amount>"]);
    expect(words("deliver at 6:30 pm on 12/03/2026")).toEqual(["deliver", "at", "<time>", "on", "<time>"]);
    expect(words("write to ana@example.com or see https://example.com/help")).toEqual([
      "write",
      "to",
      "<email>",
      "or",
      "see",
      "<url>",
    ]);
    expect(words("two hundred dollars")).toEqual(["<number>", "<number>", "dollars"]);
  });

  it("keeps short product names that hold digits as words", () => {
    expect(words("where is my w2")).toContain("w2");
    expect(words("roll over my 401k")).toContain("401k");
  });

  it("marks stop words but keeps question words and negations", () => {
    const marked = normalizeText("how do I not get the bill", "en");
    expect(marked.filter((word) => word.stopWord).map((word) => word.word)).toEqual(["do", "i", "the"]);
  });

  it("falls back to language-free rules for an unknown language", () => {
    const unknown = normalizeText("Les Commandes Annulées", "fr-CA");
    expect(unknown.map((word) => word.word)).toEqual(["les", "commandes", "annulees"]);
    expect(unknown.every((word) => word.stem === word.word && !word.stopWord)).toBe(true);
    expect(normalizeText("Order 12345", undefined).map((word) => word.word)).toEqual(["order", "<code>"]);
  });
});
