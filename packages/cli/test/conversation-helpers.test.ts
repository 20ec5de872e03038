import { describe, expect, it } from "vitest";
import { parseDuration } from "../src/conversation/duration.ts";
import { numberedMenu } from "../src/conversation/offered-options.ts";
import { containsPhrase } from "../src/conversation/words.ts";

describe("durations", () => {
  it.each([
    ["30s", 30_000],
    ["6m", 360_000],
    ["2h", 7_200_000],
    ["90", 90_000],
    ["1h30m", 5_400_000],
    ["1.5m", 90_000],
  ])("reads %s", (text, milliseconds) => {
    expect(parseDuration(text)).toBe(milliseconds);
  });

  it.each(["", "soon", "6 minutes", "-5", "5mx", "9999d"])("refuses %j", (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe("numbered menus in plain text", () => {
  it("reads `1.`, `1)` and keycap emoji lines numbered from 1", () => {
    expect(numberedMenu("Pick one:\n1. Sales\n2. Support")).toEqual([
      { id: "1", label: "Sales" },
      { id: "2", label: "Support" },
    ]);
    expect(numberedMenu("1) Yes\n2) No")?.map((option) => option.label)).toEqual(["Yes", "No"]);
    expect(numberedMenu("1\uFE0F\u20E3 Yes\n2\uFE0F\u20E3 No")?.map((option) => option.label)).toEqual([
      "Yes",
      "No",
    ]);
  });

  it("needs two options in order", () => {
    expect(numberedMenu("1. Only one")).toBeNull();
    expect(numberedMenu("2. Two\n3. Three")).toBeNull();
    expect(numberedMenu("We open at 9. See you")).toBeNull();
  });
});

describe("whole-word phrases", () => {
  it("ignores case, accents and punctuation but not word boundaries", () => {
    expect(containsPhrase("¿Dónde está mi PEDIDO?", "pedido")).toBe(true);
    expect(containsPhrase("talk to a real-person", "real person")).toBe(true);
    expect(containsPhrase("reorder", "order")).toBe(false);
  });
});
