import { describe, expect, it } from "vitest";
import { buildWidget, sizeBudgetBytes } from "./build.ts";

describe("buildWidget", () => {
  it(`stays within ${sizeBudgetBytes / 1024} KB gzipped`, async () => {
    const { code, gzipBytes } = await buildWidget();
    expect(code.length).toBeGreaterThan(1000);
    expect(gzipBytes).toBeLessThanOrEqual(sizeBudgetBytes);
  });

  it("is one self-contained script: no imports, no exports, no module syntax", async () => {
    const { code } = await buildWidget();
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code.trimStart().startsWith('"use strict";(()=>{') || code.trimStart().startsWith("(()=>{")).toBe(
      true,
    );
  });
});
