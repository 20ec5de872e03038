import { describe, expect, it } from "vitest";
import { safeLinkUrl, safeWebUrl } from "./safe-url.ts";

describe("safeLinkUrl", () => {
  it("keeps web, mail and phone links", () => {
    expect(safeLinkUrl("https://shop.example/help?a=1")).toBe("https://shop.example/help?a=1");
    expect(safeLinkUrl("mailto:help@shop.example")).toBe("mailto:help@shop.example");
    expect(safeLinkUrl("tel:+15551234")).toBe("tel:+15551234");
  });

  it("resolves relative links against the page", () => {
    expect(safeLinkUrl("/returns", "https://shop.example/cart")).toBe("https://shop.example/returns");
  });

  it("refuses links that run script", () => {
    expect(safeLinkUrl("javascript:alert(1)")).toBeNull();
    expect(safeLinkUrl(" JavaScript:alert(1)")).toBeNull();
    expect(safeLinkUrl("data:text/html,<script>alert(1)</script>")).toBeNull();
    expect(safeLinkUrl("http://[invalid")).toBeNull();
  });
});

describe("safeWebUrl", () => {
  it("takes only http and https images and files", () => {
    expect(safeWebUrl("https://cdn.example/a.png")).toBe("https://cdn.example/a.png");
    expect(safeWebUrl("mailto:a@b.example")).toBeNull();
    expect(safeWebUrl("data:image/svg+xml,<svg/>")).toBeNull();
    expect(safeWebUrl("javascript:alert(1)")).toBeNull();
  });
});
