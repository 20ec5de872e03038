import { describe, expect, it } from "vitest";
import { supportIntents } from "../test-fixtures/support-intents.ts";
import type { IntentDefinition } from "../types.ts";
import { reviewIntents } from "./review-intents.ts";

const rulesOf = (definitions: IntentDefinition[]) =>
  reviewIntents(definitions).map((warning) => warning.rule);

describe("reviewIntents", () => {
  it("flags few phrases of distinct, varied intents, and nothing else", () => {
    const warnings = reviewIntents(supportIntents);
    expect(warnings.filter((warning) => warning.rule !== "phrase-fits-other-intent")).toEqual([]);
    // Cross-validation flags the phrases that overlap another intent, a small share of 96.
    expect(warnings.length).toBeLessThan(16);
    for (const warning of warnings) {
      expect(warning.message).toContain(warning.phrase);
      expect(warning.otherIntent).not.toBe(warning.intent);
    }
  });

  it("names a phrase that fits another intent better than its own", () => {
    const cancel = supportIntents[0] as IntentDefinition;
    const track = supportIntents[2] as IntentDefinition;
    const misplaced = "where is my package right now";
    const warnings = reviewIntents([{ ...cancel, phrases: [...(cancel.phrases ?? []), misplaced] }, track]);
    const warning = warnings.find((candidate) => candidate.phrase === misplaced);
    expect(warning).toMatchObject({
      rule: "phrase-fits-other-intent",
      intent: "Cancel order",
      otherIntent: "Where is my order",
    });
    expect(warning?.message).toContain(misplaced);
  });

  it("names near-duplicate phrases, phrases with too few words and the same phrase in two intents", () => {
    const warnings = reviewIntents([
      {
        name: "Refund",
        phrases: [
          "I want a refund for my order",
          "I want a refund for my orders",
          "refund",
          "how do I get my money back",
          "can you reimburse me",
        ],
      },
      {
        name: "Complaint",
        phrases: [
          "how do I get my money back",
          "I am unhappy with the service",
          "this was a terrible experience",
          "I want to file a complaint",
          "your product broke after one day",
        ],
      },
    ]);
    expect(warnings).toContainEqual(
      expect.objectContaining({
        rule: "near-duplicate-phrases",
        intent: "Refund",
        phrase: "I want a refund for my orders",
      }),
    );
    expect(warnings).toContainEqual(
      expect.objectContaining({ rule: "too-few-words", intent: "Refund", phrase: "refund" }),
    );
    expect(warnings).toContainEqual(
      expect.objectContaining({
        rule: "phrase-in-two-intents",
        intent: "Complaint",
        phrase: "how do I get my money back",
        otherIntent: "Refund",
      }),
    );
  });

  it("says when an intent has fewer phrases than required or recommended", () => {
    const warnings = reviewIntents([
      { name: "Few", phrases: ["where is my order", "track my package"] },
      { name: "Some", phrases: ["a b c one", "a b c two", "d e f three", "g h i four", "j k l five"] },
      { name: "Keywords only", keywords: { en: ["help"] } },
    ]).filter((warning) => warning.rule === "too-few-phrases");
    expect(warnings.map((warning) => warning.intent)).toEqual(["Few", "Some"]);
    expect(warnings[0]?.message).toContain("at least 5");
    expect(warnings[1]?.message).toContain("12");
  });

  it("names keyword clashes: the same keyword in two intents, and a keyword inside another", () => {
    const warnings = reviewIntents([
      { name: "Payments", keywords: { en: ["Credit Card", "invoice"] } },
      { name: "Cards", keywords: { en: ["credit cards", "card"], es: ["tarjeta"] } },
      { name: "Billing", keywords: { en: ["invoice copy"], es: ["factura"] } },
    ]);
    expect(warnings).toContainEqual(
      expect.objectContaining({
        rule: "keyword-in-two-intents",
        intent: "Cards",
        keyword: "credit cards",
        otherIntent: "Payments",
        otherKeyword: "Credit Card",
        language: "en",
      }),
    );
    expect(warnings).toContainEqual(
      expect.objectContaining({
        rule: "keyword-inside-keyword",
        intent: "Billing",
        keyword: "invoice copy",
        otherIntent: "Payments",
      }),
    );
    // "card" is inside "Credit Card", a keyword of another intent.
    expect(warnings).toContainEqual(
      expect.objectContaining({
        rule: "keyword-inside-keyword",
        intent: "Payments",
        keyword: "Credit Card",
        otherKeyword: "card",
      }),
    );
    // Different languages never clash.
    expect(warnings.some((warning) => warning.language === "es")).toBe(false);
  });

  it("copes with empty and malformed definitions", () => {
    expect(rulesOf([])).toEqual([]);
    expect(reviewIntents(null as unknown as IntentDefinition[])).toEqual([]);
    expect(rulesOf([{ name: "Only", phrases: [7 as unknown as string] }])).toEqual([]);
  });
});
