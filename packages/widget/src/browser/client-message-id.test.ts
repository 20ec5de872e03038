import { describe, expect, it } from "vitest";
import { newClientMessageId, type RandomSource } from "./client-message-id.ts";

const uuidVersion4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("newClientMessageId", () => {
  it("uses randomUUID where the page has it", () => {
    expect(newClientMessageId()).toMatch(uuidVersion4);
  });

  it("builds a version 4 UUID from random bytes on pages without randomUUID", () => {
    const insecurePage: RandomSource = { getRandomValues: (array) => crypto.getRandomValues(array) };
    const ids = new Set(Array.from({ length: 50 }, () => newClientMessageId(insecurePage)));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(uuidVersion4);
  });
});
