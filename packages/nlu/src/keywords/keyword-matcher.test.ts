import { describe, expect, it } from "vitest";
import { classify, detectIntent } from "../classify.ts";
import { trainIntentModel } from "../train.ts";

const model = trainIntentModel([
  { name: "Payment methods", keywords: { en: ["credit card", "paypal"], es: ["tarjeta de crédito"] } },
  { name: "Cookie flavors", keywords: { en: ["flavour", "ingredient"], pt: ["sabor"] } },
  { name: "Help", keywords: { en: ["help"] } },
  { name: "Help with a refund", keywords: { en: ["help with refund"] } },
]);

describe("keyword matching", () => {
  it("matches a multi-word keyword only as that exact sequence (spec 18)", () => {
    expect(detectIntent(model, "Do you take credit cards?", "en")?.intent).toBe("Payment methods");
    expect(detectIntent(model, "can I please get a credit on my card?", "en")).toBeNull();
  });

  it("ignores case, punctuation, accents, plurals and British spelling", () => {
    expect(detectIntent(model, "PAYPAL???", "en")).toEqual({
      intent: "Payment methods",
      score: 1,
      reason: "keyword",
    });
    expect(detectIntent(model, "which flavors do you have", "en")?.intent).toBe("Cookie flavors");
    expect(detectIntent(model, "list the ingredients", "en")?.intent).toBe("Cookie flavors");
    expect(detectIntent(model, "Aceptan TARJETA DE CREDITO?", "es-MX")?.intent).toBe("Payment methods");
  });

  it("uses the keywords of the conversation's language, or all of them without one", () => {
    expect(detectIntent(model, "qual é o sabor?", "pt-BR")?.intent).toBe("Cookie flavors");
    expect(detectIntent(model, "qual é o sabor?", "en")).toBeNull();
    expect(detectIntent(model, "qual é o sabor?", undefined)?.intent).toBe("Cookie flavors");
  });

  it("prefers the longest keyword when several match", () => {
    expect(detectIntent(model, "I need help with refunds", "en")?.intent).toBe("Help with a refund");
    expect(detectIntent(model, "help", "en")?.intent).toBe("Help");
  });

  it("does not match a keyword inside a longer word", () => {
    expect(detectIntent(model, "that was helpful", "en")).toBeNull();
  });

  it("wins over the phrase classifier", () => {
    const both = trainIntentModel([
      {
        name: "Track order",
        phrases: [
          "where is my order",
          "track my package",
          "when will my order arrive",
          "has my order shipped",
          "what is the status of my delivery",
        ],
      },
      { name: "Talk to agent", keywords: { en: ["agent"] } },
    ]);
    const result = classify(both, "where is my order, I want an agent", "en");
    expect(result.detected).toEqual({ intent: "Talk to agent", score: 1, reason: "keyword" });
    expect(result.candidates[0]?.intent).toBe("Track order");
  });
});
