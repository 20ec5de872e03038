import { describe, expect, it } from "vitest";
import { redactSecrets } from "./language-model-error.ts";

describe("redactSecrets", () => {
  it("removes the key, echoes of it, bearer tokens and key-shaped words", () => {
    const key = "sk-proj-Abc123Def456Ghi789";
    expect(redactSecrets(`Bad key ${key} given`, key)).toBe("Bad key [redacted] given");
    expect(
      redactSecrets("Incorrect API key provided: sk-proj-**********i789. You can find it.", undefined),
    ).toBe("Incorrect API key provided: [redacted]. You can find it.");
    expect(redactSecrets("header Authorization: Bearer abc.def.ghi was refused", undefined)).toBe(
      "header Authorization: Bearer [redacted] was refused",
    );
    expect(redactSecrets("Azure said api-key_0123456789abcdef is wrong", undefined)).toBe(
      "Azure said [redacted] is wrong",
    );
  });

  it("keeps ordinary messages and cuts long ones", () => {
    expect(redactSecrets("The server had an error while processing your request.", "sk-x1y2")).toBe(
      "The server had an error while processing your request.",
    );
    expect(redactSecrets("x".repeat(400), undefined)).toHaveLength(301);
  });
});
