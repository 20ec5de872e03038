import { describe, expect, it } from "vitest";
import type { KlassDefinition } from "../attributes.ts";
import {
  assistant,
  branch,
  complete,
  condition,
  conditionalBranch,
  problemsCoded,
  welcome,
} from "./test-assistants.ts";

function withCondition(...conditions: ReturnType<typeof condition>[]) {
  return assistant({
    dialogs: [welcome([conditionalBranch("check", [branch("b", {}, conditions)])]), complete()],
  });
}

const klasses: KlassDefinition[] = [{ name: "customer", attributes: [{ name: "tier", type: "number" }] }];

describe("condition operators", () => {
  it("must fit the type of a standard attribute", () => {
    const problems = problemsCoded(
      withCondition(condition("conversation", "priority", "contains", "1")),
      "operator_not_allowed_for_attribute",
    );
    expect(problems).toEqual([
      expect.objectContaining({
        path: "/dialogs/0/interactions/0/branches/0/conditions/0/operator",
        severity: "error",
      }),
    ]);
    expect(problems[0]?.message).toContain("conversation.priority, which is a number attribute");
  });

  it("accept operators that fit", () => {
    const definition = withCondition(
      condition("conversation", "priority", "greater_than", 2),
      condition("customer", "email", "ends_with", "@example.com"),
      condition("conversation", "tags", "contains", "vip"),
      condition("session", "authenticated", "is_true"),
    );
    expect(problemsCoded(definition, "operator_not_allowed_for_attribute")).toEqual([]);
  });

  it("use the given Klasses for custom attributes, and leave unknown custom attributes alone", () => {
    const definition = withCondition(
      condition("customer", "tier", "starts_with", "g"),
      condition("customer", "loyalty", "is_true"),
    );
    expect(problemsCoded(definition, "operator_not_allowed_for_attribute")).toEqual([]);
    expect(problemsCoded(definition, "operator_not_allowed_for_attribute", { klasses })).toEqual([
      expect.objectContaining({ path: "/dialogs/0/interactions/0/branches/0/conditions/0/operator" }),
    ]);
  });
});

describe("condition values", () => {
  it("are required by operators that compare", () => {
    expect(
      problemsCoded(withCondition(condition("customer", "email", "equals")), "condition_value_missing"),
    ).toEqual([
      expect.objectContaining({
        path: "/dialogs/0/interactions/0/branches/0/conditions/0/value",
        severity: "error",
      }),
    ]);
  });

  it("are not needed by operators such as is_set", () => {
    expect(
      problemsCoded(withCondition(condition("customer", "email", "is_set")), "condition_value_missing"),
    ).toEqual([]);
  });

  it("are lists for is_one_of and single values otherwise", () => {
    const definition = withCondition(
      condition("conversation", "brand", "is_one_of", "acme"),
      condition("conversation", "brand", "equals", ["acme"]),
    );
    expect(problemsCoded(definition, "condition_value_invalid").map((problem) => problem.path)).toEqual([
      "/dialogs/0/interactions/0/branches/0/conditions/0/value",
      "/dialogs/0/interactions/0/branches/0/conditions/1/value",
    ]);
  });
});
