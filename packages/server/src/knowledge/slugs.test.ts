import { describe, expect, it } from "vitest";
import { numberedSlug, slugFromTitle, slugPattern } from "./slugs.ts";

describe("slugs", () => {
  it("are made of the title's words in lower-case ASCII", () => {
    expect(slugFromTitle("Where is my order?")).toBe("where-is-my-order");
    expect(slugFromTitle("  Où est ma commande ?  ")).toBe("ou-est-ma-commande");
    expect(slugFromTitle("Política de devolução")).toBe("politica-de-devolucao");
    expect(slugFromTitle("Don't panic: Straße & Æsir")).toBe("dont-panic-strasse-aesir");
    expect(slugFromTitle("2-for-1 deals!!")).toBe("2-for-1-deals");
  });

  it("stay within 120 characters, cut between words", () => {
    const slug = slugFromTitle(`${"word ".repeat(40)}end`);
    expect(slug.length).toBeLessThanOrEqual(120);
    expect(slug).toMatch(slugPattern);
    expect(slug.endsWith("word")).toBe(true);
    expect(slugFromTitle("x".repeat(300))).toBe("x".repeat(120));
  });

  it("are the same for the same title, even one without Latin letters", () => {
    const slug = slugFromTitle("返品について");
    expect(slug).toMatch(/^article-[0-9a-f]{12}$/);
    expect(slugFromTitle("返品について")).toBe(slug);
    expect(slugFromTitle("配送について")).not.toBe(slug);
  });

  it("take a number without going over the limit", () => {
    expect(numberedSlug("shipping", 2)).toBe("shipping-2");
    const long = slugFromTitle(`${"abc ".repeat(40)}`);
    const numbered = numberedSlug(long, 12);
    expect(numbered.length).toBeLessThanOrEqual(120);
    expect(numbered).toMatch(slugPattern);
    expect(numbered.endsWith("-12")).toBe(true);
  });
});
