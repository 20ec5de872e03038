import { describe, expect, it } from "vitest";
import { chooseLanguage, fillPlaceholders, widgetStrings } from "./localization.ts";

describe("chooseLanguage", () => {
  it("takes the first preferred language the widget speaks, by its primary subtag", () => {
    expect(chooseLanguage(["pt-BR", "en-US"])).toBe("pt");
    expect(chooseLanguage(["fr-FR", "es-419", "en"])).toBe("es");
    expect(chooseLanguage(["ES_es"])).toBe("es");
  });

  it("falls back to English", () => {
    expect(chooseLanguage(["de-DE", "ja"])).toBe("en");
    expect(chooseLanguage([])).toBe("en");
    expect(chooseLanguage(["constructor", "__proto__"])).toBe("en");
  });
});

describe("widgetStrings", () => {
  it("has every string in every language", () => {
    const keys = Object.keys(widgetStrings.en).sort();
    for (const strings of Object.values(widgetStrings)) {
      expect(Object.keys(strings).sort()).toEqual(keys);
      for (const value of Object.values(strings)) expect(value.trim()).not.toBe("");
    }
  });
});

describe("fillPlaceholders", () => {
  it("fills known placeholders and keeps unknown ones", () => {
    expect(fillPlaceholders("{name} is typing… {other}", { name: "Ava" })).toBe("Ava is typing… {other}");
    expect(fillPlaceholders("{count} unread", { count: 3 })).toBe("3 unread");
  });
});
