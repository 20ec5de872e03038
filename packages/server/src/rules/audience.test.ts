import { describe, expect, it } from "vitest";
import { Audience, type AudienceFacts, audienceMatches } from "./audience.ts";

const visitor: AudienceFacts = {
  customerAuthenticated: false,
  session: {
    currentPage: "https://shop.example.com/order/checkout",
    previousPage: "https://shop.example.com/cart",
    language: "es",
    timeOnPage: 75,
    userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)",
  },
};

function audience(input: unknown): Audience {
  return Audience.parse(input);
}

describe("audience matching", () => {
  it("lets everyone in when there are no conditions", () => {
    expect(audienceMatches(audience({}), visitor)).toBe(true);
    expect(audienceMatches(audience({ match: "any" }), { customerAuthenticated: false })).toBe(true);
  });

  it("needs every condition for all and one for any", () => {
    const conditions = [
      { scope: "session", attribute: "currentPage", operator: "contains", value: "/order" },
      { scope: "session", attribute: "timeOnPage", operator: "greater_than", value: 120 },
    ];
    expect(audienceMatches(audience({ match: "all", conditions }), visitor)).toBe(false);
    expect(audienceMatches(audience({ match: "any", conditions }), visitor)).toBe(true);
  });

  it("reads every session field with the model's operators", () => {
    const holds = (condition: object) => audienceMatches(audience({ conditions: [condition] }), visitor);
    expect(
      holds({ scope: "session", attribute: "currentPage", operator: "contains", value: "CHECKOUT" }),
    ).toBe(true);
    expect(
      holds({
        scope: "session",
        attribute: "currentPage",
        operator: "contains",
        value: "CHECKOUT",
        caseSensitive: true,
      }),
    ).toBe(false);
    expect(
      holds({ scope: "session", attribute: "previousPage", operator: "ends_with", value: "/cart" }),
    ).toBe(true);
    expect(
      holds({ scope: "session", attribute: "language", operator: "is_one_of", value: ["es", "pt"] }),
    ).toBe(true);
    expect(
      holds({ scope: "session", attribute: "timeOnPage", operator: "greater_or_equal", value: 75 }),
    ).toBe(true);
    expect(holds({ scope: "session", attribute: "userAgent", operator: "contains", value: "iPhone" })).toBe(
      true,
    );
  });

  it("treats a missing value as not set", () => {
    const conditions = [{ scope: "session", attribute: "timeOnPage", operator: "greater_than", value: 10 }];
    expect(audienceMatches(audience({ conditions }), { customerAuthenticated: false })).toBe(false);
    const notSet = [{ scope: "message", attribute: "text", operator: "is_not_set" }];
    expect(audienceMatches(audience({ conditions: notSet }), visitor)).toBe(true);
  });

  it("trusts customer and company conditions only for an authenticated customer", () => {
    const vip = audience({
      match: "any",
      conditions: [
        { scope: "customer", attribute: "vip", operator: "is_true" },
        { scope: "session", attribute: "language", operator: "equals", value: "es" },
      ],
    });
    const claimsVip = { ...visitor, customer: { vip: true } };
    expect(audienceMatches(vip, claimsVip)).toBe(false);
    expect(audienceMatches(vip, { ...claimsVip, customerAuthenticated: true })).toBe(true);
    const company = audience({
      conditions: [{ scope: "company", attribute: "domain", operator: "equals", value: "acme.com" }],
    });
    expect(audienceMatches(company, { customerAuthenticated: true, company: { domain: "ACME.com" } })).toBe(
      true,
    );
    expect(audienceMatches(company, { customerAuthenticated: false, company: { domain: "acme.com" } })).toBe(
      false,
    );
  });

  it("knows whether the customer is authenticated without an attribute for it", () => {
    const signedIn = audience({
      conditions: [{ scope: "customer", attribute: "authenticated", operator: "is_true" }],
    });
    expect(audienceMatches(signedIn, { customerAuthenticated: true })).toBe(true);
  });

  it("reads conversation and message attributes", () => {
    const conditions = [
      { scope: "conversation", attribute: "tags", operator: "contains", value: "refund" },
      { scope: "message", attribute: "text", operator: "contains", value: "order" },
    ];
    const facts = {
      customerAuthenticated: false,
      conversation: { tags: ["refund"] },
      message: { text: "Where is my order?" },
    };
    expect(audienceMatches(audience({ conditions }), facts)).toBe(true);
  });
});

describe("audience validation", () => {
  function issues(input: unknown): string[] {
    const result = Audience.safeParse(input);
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join("/"));
  }

  it("accepts the five session fields and refuses others", () => {
    for (const attribute of ["currentPage", "previousPage", "language", "timeOnPage", "userAgent"]) {
      expect(issues({ conditions: [{ scope: "session", attribute, operator: "is_set" }] })).toEqual([]);
    }
    expect(issues({ conditions: [{ scope: "session", attribute: "referrer", operator: "is_set" }] })).toEqual(
      ["conditions/0/attribute"],
    );
  });

  it("refuses an operator that does not fit the attribute and a missing or misshapen value", () => {
    expect(
      issues({
        conditions: [
          { scope: "session", attribute: "timeOnPage", operator: "contains", value: "1" },
          { scope: "session", attribute: "currentPage", operator: "contains" },
          { scope: "session", attribute: "language", operator: "is_one_of", value: "es" },
          { scope: "customer", attribute: "tier", operator: "equals", value: "gold" },
        ],
      }),
    ).toEqual(["conditions/0/operator", "conditions/1/value", "conditions/2/value"]);
  });

  it("refuses an unknown match and message field", () => {
    expect(issues({ match: "most", conditions: [] })).toEqual(["match"]);
    expect(issues({ conditions: [{ scope: "message", attribute: "subject", operator: "is_set" }] })).toEqual([
      "conditions/0/attribute",
    ]);
  });
});
