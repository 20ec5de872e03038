import { describe, expect, it } from "vitest";
import { classify, createIntentDetector, detectIntent } from "./classify.ts";
import { intentLimits } from "./limits.ts";
import { supportIntents } from "./test-fixtures/support-intents.ts";
import { trainIntentModel } from "./train.ts";

const model = trainIntentModel(supportIntents);
const intentOf = (text: string, language: unknown = "en") =>
  detectIntent(model, text, language)?.intent ?? null;

describe("detectIntent with phrases", () => {
  it("understands paraphrases that share few words with the phrases", () => {
    expect(intentOf("give me my money back please")).toBe("Get refund");
    expect(intentOf("how do I get reimbursed")).toBe("Get refund");
    expect(intentOf("has my order been shipped yet")).toBe("Where is my order");
    expect(intentOf("get me a real person")).toBe("Contact human agent");
    expect(intentOf("I forgot my login")).toBe("Recover password");
    expect(intentOf("is there express shipping")).toBe("Delivery options");
  });

  it("understands variations in capitalization, spelling and typos (spec 08)", () => {
    expect(intentOf("I WANT TO TALK TO A PERSON")).toBe("Contact human agent");
    expect(intentOf("please cancle the ordr i placed")).toBe("Cancel order");
    expect(intentOf("i want a refnud for my purchse")).toBe("Get refund");
    expect(intentOf("my paymnet was declned")).toBe("Payment issue");
    expect(intentOf("what delivery options are on offer for my neighbour")).toBe("Delivery options");
  });

  it("treats order numbers and codes alike", () => {
    expect(intentOf("what do I need to do to cancel order XXEE444?")).toBe("Cancel order");
    expect(intentOf("check the delivery status of order AB-99-XY")).toBe("Where is my order");
  });

  it("returns a calibrated confidence between 0 and 1, with the reason", () => {
    const detected = detectIntent(model, "my package has not arrived", "en");
    expect(detected?.intent).toBe("Where is my order");
    expect(detected?.reason).toBe("phrases");
    expect(detected?.score).toBeGreaterThan(0.8);
    expect(detected?.score).toBeLessThanOrEqual(1);
  });

  it("detects no intent for text about something else", () => {
    for (const text of [
      "what's the weather like tomorrow?",
      "who won the football game last night",
      "play some music",
      "book a table for two tonight",
      "good morning",
      "asdfgh qwerty",
    ]) {
      expect(intentOf(text), text).toBeNull();
    }
  });

  it("matches phrases for English or an unknown language, and only keywords otherwise", () => {
    expect(intentOf("where is my order", "en-GB")).toBe("Where is my order");
    expect(intentOf("where is my order", undefined)).toBe("Where is my order");
    expect(intentOf("where is my order", "es")).toBeNull();
    expect(intentOf("quiero cancelar pedido ya", "es")).toBe("Cancel order");
  });
});

describe("classify", () => {
  it("lists the best candidates, best first, even when none is detected", () => {
    const result = classify(model, "I want my money back", "en");
    expect(result.detected?.intent).toBe("Get refund");
    expect(result.truncated).toBe(false);
    expect(result.candidates[0]?.intent).toBe("Get refund");
    expect(result.candidates.length).toBeLessThanOrEqual(5);
    const scores = result.candidates.map((candidate) => candidate.score);
    expect(scores).toEqual([...scores].sort((left, right) => right - left));
  });

  it("answers no intent to empty, blank or non-text input without throwing", () => {
    for (const input of ["", "   ", "?!.", null, undefined, 42, { text: "refund" }, ["refund"]]) {
      expect(classify(model, input, "en").detected).toBeNull();
    }
  });

  it("cuts very long text to the documented limit and says so", () => {
    const long = "I returned the broken blender and I still want my money back. ".repeat(40);
    const result = classify(model, long, "en");
    expect(long.length).toBeGreaterThan(intentLimits.maxTextLength);
    expect(result.truncated).toBe(true);
    expect(result.detected?.intent).toBe("Get refund");
    expect(classify(model, "x".repeat(intentLimits.maxTextLength), "en").truncated).toBe(false);
  });

  it("gives the engine a detector with its shape", () => {
    const detect = createIntentDetector(model);
    expect(detect("cancel my order", "en")).toEqual({ intent: "Cancel order", score: 1, reason: "keyword" });
  });
});

describe("a model without phrases", () => {
  it("detects keywords only", () => {
    const keywordsOnly = trainIntentModel([{ name: "Help", keywords: { en: ["help"] } }]);
    expect(detectIntent(keywordsOnly, "help me", "en")?.intent).toBe("Help");
    expect(detectIntent(keywordsOnly, "where is my order", "en")).toBeNull();
    expect(classify(keywordsOnly, "where is my order", "en").candidates).toEqual([]);
  });

  it("detects nothing when there are no intents", () => {
    const empty = trainIntentModel([]);
    expect(classify(empty, "hello", "en")).toEqual({ detected: null, truncated: false, candidates: [] });
  });
});
