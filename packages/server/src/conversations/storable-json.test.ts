import { describe, expect, it } from "vitest";
import { storableJson } from "./storable-json.ts";

describe("storableJson", () => {
  it("drops NUL and replaces unpaired surrogates anywhere in a value, keys included", () => {
    expect(
      storableJson({
        "na\u0000me": ["A\u0000da", "\ud800x", { deep: "ok \u{1F600}" }],
        count: 3,
        none: null,
      }),
    ).toEqual({
      name: ["Ada", "\ufffdx", { deep: "ok \u{1F600}" }],
      count: 3,
      none: null,
    });
  });

  it("returns well-formed text unchanged", () => {
    const text = "Olá, 世界 👋";
    expect(storableJson(text)).toBe(text);
  });
});
