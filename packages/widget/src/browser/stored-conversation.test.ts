import { describe, expect, it } from "vitest";
import {
  clearStoredConversation,
  type KeyValueStorage,
  readStoredConversation,
  storageHolding,
  storageKey,
  writeStoredConversation,
} from "./stored-conversation.ts";

function memoryStorage(): KeyValueStorage & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
  };
}

const stored = { conversationId: "c1", visitorToken: "t1", lastSequence: 4 };

describe("stored conversation", () => {
  it("holds an attached conversation for the page only", () => {
    const storage = storageHolding("c1", stored);
    expect(readStoredConversation(storage, "c1")).toEqual(stored);
    writeStoredConversation(storage, "c1", { ...stored, lastSequence: 9 });
    expect(readStoredConversation(storage, "c1")?.lastSequence).toBe(9);
    clearStoredConversation(storage, "c1");
    expect(readStoredConversation(storage, "c1")).toBeNull();
  });

  it("writes, reads and clears per brand", () => {
    const storage = memoryStorage();
    writeStoredConversation(storage, "brand-a", stored);
    expect(readStoredConversation(storage, "brand-a")).toEqual(stored);
    expect(readStoredConversation(storage, "brand-b")).toBeNull();
    clearStoredConversation(storage, "brand-a");
    expect(readStoredConversation(storage, "brand-a")).toBeNull();
  });

  it("ignores broken or foreign values", () => {
    const storage = memoryStorage();
    for (const raw of [
      "not json",
      "null",
      "[]",
      JSON.stringify({ conversationId: "c1", visitorToken: "", lastSequence: 1 }),
      JSON.stringify({ conversationId: "c1", visitorToken: "t", lastSequence: -1 }),
      JSON.stringify({ conversationId: "c1", visitorToken: "t", lastSequence: 1.5 }),
    ]) {
      storage.entries.set(storageKey("brand"), raw);
      expect(readStoredConversation(storage, "brand")).toBeNull();
    }
  });

  it("keeps only the known fields", () => {
    const storage = memoryStorage();
    storage.entries.set(storageKey("brand"), JSON.stringify({ ...stored, extra: true }));
    expect(readStoredConversation(storage, "brand")).toEqual(stored);
  });

  it("survives a storage that throws or is missing", () => {
    const throwing: KeyValueStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {
        throw new Error("SecurityError");
      },
    };
    expect(() => writeStoredConversation(throwing, "brand", stored)).not.toThrow();
    expect(readStoredConversation(throwing, "brand")).toBeNull();
    expect(() => clearStoredConversation(throwing, "brand")).not.toThrow();
    expect(readStoredConversation(null, "brand")).toBeNull();
  });
});
