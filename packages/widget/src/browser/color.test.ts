import { describe, expect, it } from "vitest";
import { accentColor, contrastRatio, defaultAccentColor, textColorOn } from "./color.ts";

describe("accentColor", () => {
  it("accepts hex colours, expanding the short form", () => {
    expect(accentColor("#0A7")).toBe("#00aa77");
    expect(accentColor(" #112233 ")).toBe("#112233");
  });

  it("falls back to the default for anything else", () => {
    for (const value of [undefined, "", "red", "#12345", "url(x)", "#1234567"]) {
      expect(accentColor(value)).toBe(defaultAccentColor);
    }
  });
});

describe("textColorOn", () => {
  it("picks the text colour with the better contrast, at least 4.5:1 for these accents", () => {
    for (const background of ["#4f46e5", "#000000", "#ffff00", "#ffffff", "#0a7d3b", "#ff8800"]) {
      const text = textColorOn(background);
      expect(contrastRatio(background, text)).toBeGreaterThanOrEqual(4.5);
    }
    expect(textColorOn("#4f46e5")).toBe("#ffffff");
    expect(textColorOn("#ffff00")).toBe("#111827");
  });

  it("measures contrast as WCAG does", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#777777")).toBe(1);
  });
});
