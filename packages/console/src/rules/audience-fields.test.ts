import { describe, expect, it } from "vitest";
import type { Klass } from "../api/organization-data.ts";
import { describeCondition, fieldsOf, operatorsFor, scopesFor, valueForOperator } from "./audience-fields.ts";

const klasses: Klass[] = [
  {
    name: "customer",
    label: "Customer",
    standard: true,
    attributes: [
      { name: "email", label: "Email", type: "text", standard: true },
      { name: "tier", label: "Loyalty tier", type: "choice", values: ["gold", "silver"], standard: false },
    ],
  },
];

describe("rule audience fields", () => {
  it("offers session fields, Previous Page included, only on chat", () => {
    expect(scopesFor("chat")).toContain("session");
    expect(scopesFor("sms")).not.toContain("session");
    expect(fieldsOf("session", klasses).map((field) => field.label)).toEqual([
      "Current Page",
      "Previous Page",
      "Language",
      "Time on Page (seconds)",
      "User Agent",
    ]);
  });

  it("takes custom attributes, with their labels and values, from the Klasses", () => {
    expect(fieldsOf("customer", klasses)).toContainEqual({
      scope: "customer",
      name: "tier",
      label: "Loyalty tier",
      type: "choice",
      values: ["gold", "silver"],
    });
    expect(operatorsFor("number")).not.toContain("contains");
  });

  it("keeps the value when the operator switches between one value and a list", () => {
    expect(valueForOperator("gold", "is_one_of")).toEqual(["gold"]);
    expect(valueForOperator(["gold", "silver"], "equals")).toBe("gold");
    expect(valueForOperator("gold", "is_set")).toBeUndefined();
    expect(valueForOperator("", "is_not_one_of")).toEqual([]);
  });

  it("reads a condition as an admin would say it", () => {
    expect(
      describeCondition(
        { scope: "session", attribute: "timeOnPage", operator: "equals", value: 60 },
        klasses,
      ),
    ).toBe("Session Time on Page (seconds) Is Equal To 60");
    expect(
      describeCondition(
        { scope: "customer", attribute: "tier", operator: "is_one_of", value: ["gold"] },
        klasses,
      ),
    ).toBe("Customer Loyalty tier Is One Of “gold”");
    expect(
      describeCondition({ scope: "customer", attribute: "email", operator: "is_not_set" }, klasses),
    ).toBe("Customer Email Is Not Set");
  });
});
