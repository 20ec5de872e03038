import { describe, expect, it } from "vitest";
import { type ScriptTag, widgetOptions } from "./script-options.ts";

function tag(src: string, attributes: Record<string, string>): ScriptTag {
  return { src, getAttribute: (name) => attributes[name] ?? null };
}

describe("widgetOptions", () => {
  it("reads the brand, the server origin and the overrides", () => {
    expect(
      widgetOptions(
        tag("https://chat.example:8443/widget.js?v=2", {
          "data-brand": " 3f1c…brand ",
          "data-consent": "We record chats.",
        }),
        ["es-ES", "en"],
      ),
    ).toEqual({
      brandId: "3f1c…brand",
      origin: "https://chat.example:8443",
      consentText: "We record chats.",
      language: "es",
      conversation: null,
    });
  });

  it("lets data-language win over the browser", () => {
    const options = widgetOptions(
      tag("https://x.example/widget.js", { "data-brand": "b", "data-language": "pt" }),
      ["en-US"],
    );
    expect(options?.language).toBe("pt");
    expect(options?.consentText).toBeNull();
  });

  it("joins a conversation the page started, with or without a brand", () => {
    const attached = { "data-conversation": " c-1 ", "data-visitor-token": "token" };
    expect(widgetOptions(tag("https://x.example/widget.js", attached), ["en"])).toMatchObject({
      brandId: null,
      conversation: { conversationId: "c-1", visitorToken: "token" },
    });
    expect(
      widgetOptions(tag("https://x.example/widget.js", { ...attached, "data-brand": "b" }), [])?.brandId,
    ).toBe("b");
    // A conversation without its token cannot be joined, and is no substitute for a brand.
    expect(widgetOptions(tag("https://x.example/widget.js", { "data-conversation": "c-1" }), [])).toBeNull();
  });

  it("needs a brand and a usable src", () => {
    expect(widgetOptions(tag("https://x.example/widget.js", {}), [])).toBeNull();
    expect(widgetOptions(tag("not a url", { "data-brand": "b" }), [])).toBeNull();
    expect(widgetOptions(tag("data:text/javascript,1", { "data-brand": "b" }), [])).toBeNull();
  });
});
