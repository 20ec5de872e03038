import { describe, expect, it } from "vitest";
import { assistant, complete, problemsCoded, updateAttribute, welcome } from "./test-assistants.ts";

function updating(klass: string, attribute: string) {
  return assistant({ dialogs: [welcome([updateAttribute("update", klass, attribute, "x")]), complete()] });
}

describe("update attribute", () => {
  it("refuses standard attributes spec 04 does not list", () => {
    const problems = problemsCoded(updating("customer", "email"), "attribute_not_updatable");
    expect(problems).toEqual([
      expect.objectContaining({
        path: "/dialogs/0/interactions/0/updates/0/target/attribute",
        severity: "error",
      }),
    ]);
    expect(problems[0]?.message).toContain('"name", "defaultLanguage" or "company"');
  });

  it("accepts the standard attributes spec 04 lists and custom attributes", () => {
    for (const [klass, attribute] of [
      ["conversation", "priority"],
      ["conversation", "tags"],
      ["customer", "defaultLanguage"],
      ["customer", "loyaltyTier"],
    ] as const) {
      expect(problemsCoded(updating(klass, attribute), "attribute_not_updatable")).toEqual([]);
    }
  });

  it("accepts a standard name that the organization's Klass defines as custom", () => {
    const klasses = [{ name: "conversation", attributes: [{ name: "channel", type: "choice" as const }] }];
    expect(problemsCoded(updating("conversation", "channel"), "attribute_not_updatable")).toHaveLength(1);
    expect(
      problemsCoded(updating("conversation", "channel"), "attribute_not_updatable", { klasses }),
    ).toEqual([]);
  });
});
