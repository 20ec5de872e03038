import { describe, expect, it } from "vitest";
import { classify } from "./classify.ts";
import { loadModel, serializeModel } from "./serialize.ts";
import { supportIntents } from "./test-fixtures/support-intents.ts";
import { trainIntentModel } from "./train.ts";

const probes = [
  "where's my parcel",
  "I need to reset my password",
  "send it to another address",
  "what's the weather tomorrow",
  "cancelar pedido",
];

describe("trainIntentModel", () => {
  it("produces plain JSON data that answers the same after a round trip", () => {
    const model = trainIntentModel(supportIntents);
    const loaded = loadModel(serializeModel(model));
    expect(loaded).toEqual(JSON.parse(JSON.stringify(model)));
    for (const text of probes) {
      expect(classify(loaded, text, "en"), text).toEqual(classify(model, text, "en"));
    }
  });

  it("is deterministic: the same definitions give the same model", () => {
    expect(serializeModel(trainIntentModel(supportIntents))).toBe(
      serializeModel(trainIntentModel(supportIntents)),
    );
  });

  it("merges definitions with the same name and skips what is not text", () => {
    const model = trainIntentModel([
      { name: "Refund", phrases: ["I want my money back", "refund please"] },
      { name: " Refund ", phrases: ["give me a refund", 7 as unknown as string, ""] },
      { name: "", phrases: ["nameless"] },
      null as unknown as { name: string },
    ]);
    expect(model.intents.map((intent) => intent.name)).toEqual(["Refund"]);
    // Three real phrases and the intent's name.
    expect(model.phrases).toHaveLength(4);
  });

  it("trains only the regression on the copies of long phrases with a word left out", () => {
    const withCopies = trainIntentModel(supportIntents, { settings: { wordDropoutMinimum: 4 } });
    const without = trainIntentModel(supportIntents, { settings: { wordDropoutMinimum: 0 } });
    expect(withCopies.features).toEqual(without.features);
    expect(withCopies.phrases).toEqual(without.phrases);
    expect(withCopies.centroids).toEqual(without.centroids);
    expect(withCopies.regression).not.toEqual(without.regression);
  });

  it("takes classifier settings, which the model keeps", () => {
    const strict = trainIntentModel(supportIntents, { settings: { threshold: 0.999 } });
    expect(strict.settings.threshold).toBe(0.999);
    expect(classify(strict, "my package is late", "en").detected).toBeNull();
  });
});

describe("loadModel", () => {
  it("rejects what is not a model of this version, saying why", () => {
    const model = JSON.parse(serializeModel(trainIntentModel(supportIntents)));
    expect(() => loadModel("[]")).toThrow(/format/);
    expect(() => loadModel({ ...model, version: 99 })).toThrow(/version 99/);
    expect(() => loadModel({ ...model, features: "nope" })).toThrow(/features/);
    expect(() => loadModel("{not json")).toThrow();
  });
});

describe("the optional semantic signal", () => {
  it("blends an outside encoder's similarity in when both sides have vectors", () => {
    const definitions = [
      { name: "Greeting", phrases: ["hello there", "hi", "good morning", "hey", "greetings"] },
      { name: "Farewell", phrases: ["goodbye", "see you later", "bye", "farewell", "take care"] },
    ];
    const vectors: Record<string, number[]> = {};
    for (const phrase of definitions[0]?.phrases ?? []) vectors[phrase] = [1, 0];
    for (const phrase of definitions[1]?.phrases ?? []) vectors[phrase] = [0, 1];
    const model = trainIntentModel(definitions, { phraseVectors: vectors });
    expect(model.semantic?.phrases).toHaveLength(10);
    // "howdy" shares no word with either intent; the encoder says it greets.
    const withVector = classify(model, "howdy partner", "en", { textVector: [0.9, 0.1] });
    expect(withVector.candidates[0]?.intent).toBe("Greeting");
    expect(withVector.detected?.intent).toBe("Greeting");
    // A vector of the wrong size is ignored rather than trusted.
    const wrongSize = classify(model, "howdy partner", "en", { textVector: [1, 0, 0] });
    expect(wrongSize).toEqual(classify(model, "howdy partner", "en"));
  });

  it("leaves models trained without vectors unchanged", () => {
    const model = trainIntentModel(supportIntents);
    expect(model.semantic).toBeUndefined();
    expect(classify(model, "refund please", "en", { textVector: [1, 2, 3] })).toEqual(
      classify(model, "refund please", "en"),
    );
  });
});
