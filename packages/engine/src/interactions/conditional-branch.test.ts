import type { Condition } from "@parley/model";
import { describe, expect, it } from "vitest";
import { Conversation, type InteractionSpec, landing, oneDialog, texts } from "../../test/builders.ts";
import type { AttributeValues } from "../index.ts";

const say = (id: string, text: string): InteractionSpec => ({ id, kind: "send_message", text });

function branchAssistant(branch: InteractionSpec, before: InteractionSpec[] = []) {
  return oneDialog(
    [...before, branch, say("after", "after")],
    { id: "end", kind: "transfer" },
    {
      dialogs: [landing("vip")],
    },
  );
}

/** One condition: "matched" when it holds, "otherwise" when not. */
function oneCondition(condition: Condition): InteractionSpec {
  return {
    id: "check",
    kind: "conditional_branch",
    branches: [{ id: "b", conditions: [condition], interactions: [say("yes", "matched")] }],
    otherwise: { interactions: [say("no", "otherwise")] },
  };
}

/** `holds` says whether the condition holds when the attribute it reads has the value `actual`. */
type Case = [name: string, condition: Condition, actual: unknown, holds: boolean];

function when(path: string, operator: Condition["operator"], value?: Condition["value"]): Condition {
  const [scope, attribute] = path.split(".") as [Condition["scope"], string];
  return { scope, attribute, operator, ...(value === undefined ? {} : { value }) };
}

const cases: Case[] = [
  // Text
  ["equals ignores case and spaces", when("conversation.subject", "equals", "Refund"), " refund ", true],
  ["equals is false when unset", when("conversation.subject", "equals", ""), undefined, false],
  ["not_equals", when("conversation.subject", "not_equals", "refund"), "order", true],
  ["not_equals holds when unset", when("conversation.subject", "not_equals", "refund"), undefined, true],
  ["contains", when("conversation.subject", "contains", "order"), "Where is my ORDER?", true],
  ["not_contains", when("conversation.subject", "not_contains", "order"), "Where is my ORDER?", false],
  ["starts_with", when("customer.email", "starts_with", "ada@"), "Ada@example.com", true],
  ["ends_with", when("customer.email", "ends_with", "@vip.example.com"), "ada@example.com", false],
  ["is_one_of", when("customer.tier", "is_one_of", ["gold", "platinum"]), "Gold", true],
  ["is_not_one_of", when("customer.tier", "is_not_one_of", ["gold", "platinum"]), "silver", true],
  // Set or not
  ["is_set with a value", when("customer.phone", "is_set"), "+19171234567", true],
  ["is_set with blank text", when("customer.phone", "is_set"), "  ", false],
  ["is_not_set", when("customer.phone", "is_not_set"), undefined, true],
  // Numbers
  ["greater_than", when("conversation.priority", "greater_than", 3), 4, true],
  ["greater_than is strict", when("conversation.priority", "greater_than", 3), 3, false],
  ["greater_or_equal", when("conversation.priority", "greater_or_equal", 3), 3, true],
  ["less_than with numeric text", when("conversation.priority", "less_than", "2,5"), "2", true],
  ["less_or_equal", when("conversation.priority", "less_or_equal", 2), 5, false],
  ["numbers never compare with words", when("conversation.priority", "greater_than", 1), "high", false],
  ["equals a number", when("conversation.priority", "equals", "3"), 3, true],
  // Lists
  ["contains in a list", when("conversation.tags", "contains", "vip"), ["VIP", "new"], true],
  ["not_contains in a list", when("conversation.tags", "not_contains", "vip"), ["new"], true],
  ["is_one_of a list", when("conversation.tags", "is_one_of", ["vip", "press"]), ["new", "press"], true],
  ["is_set on an empty list", when("conversation.tags", "is_set"), [], false],
  // Booleans
  ["is_true", when("customer.authenticated", "is_true"), true, true],
  ["is_true when unset", when("customer.authenticated", "is_true"), undefined, false],
  ["is_false from text", when("customer.newsletter", "is_false"), "false", true],
  // Dates
  ["before", when("conversation.orderedAt", "before", "2026-01-01"), "2025-12-31T10:00:00Z", true],
  ["after", when("conversation.orderedAt", "after", "2026-01-01"), "2025-12-31T10:00:00Z", false],
  ["after with an invalid date", when("conversation.orderedAt", "after", "2026-01-01"), "soon", false],
  // Other scopes
  ["company", when("company.domain", "ends_with", "acme.com"), "shop.acme.com", true],
  [
    "session page",
    when("session.currentPage", "contains", "/checkout"),
    "https://shop.example/checkout/pay",
    true,
  ],
  ["session time on page", when("session.timeOnPage", "greater_than", 30), 12, false],
];

describe("conditional branch", () => {
  it.each(cases)("%s", (_name, condition, actual, holds) => {
    const attributes: AttributeValues = { [condition.scope]: { [condition.attribute]: actual } };
    const conversation = new Conversation(branchAssistant(oneCondition(condition)), { attributes });
    expect(texts(conversation.start())).toEqual([holds ? "matched" : "otherwise", "after"]);
  });

  it("compares text case-sensitively when asked", () => {
    const condition = { ...when("conversation.subject", "equals", "Refund"), caseSensitive: true };
    const run = (subject: string) =>
      texts(
        new Conversation(branchAssistant(oneCondition(condition)), {
          attributes: { conversation: { subject } },
        }).start(),
      );
    expect(run("refund")).toEqual(["otherwise", "after"]);
    expect(run("Refund")).toEqual(["matched", "after"]);
  });

  it("knows the customer is authenticated from the session", () => {
    const branch = oneCondition(when("customer.authenticated", "is_true"));
    const conversation = new Conversation(branchAssistant(branch), {
      attributes: { session: { authenticated: true } },
    });
    expect(texts(conversation.start())).toEqual(["matched", "after"]);
  });

  it("reads the customer's latest message", () => {
    const question: InteractionSpec = { id: "ask", kind: "text_question", prompt: "How can we help?" };
    const branch = oneCondition({
      scope: "message",
      attribute: "text",
      operator: "contains",
      value: "refund",
    });
    const conversation = new Conversation(branchAssistant(branch, [question]));
    conversation.start();
    expect(texts(conversation.say("I want a REFUND"))).toEqual(["matched", "after"]);
  });

  it("reads values the conversation saved over the ones passed in", () => {
    const question: InteractionSpec = {
      id: "ask",
      kind: "text_question",
      prompt: "Your tier?",
      saveTo: { klass: "customer", attribute: "tier" },
    };
    const branch = oneCondition({ scope: "customer", attribute: "tier", operator: "equals", value: "gold" });
    const conversation = new Conversation(branchAssistant(branch, [question]), {
      attributes: { customer: { tier: "silver" } },
    });
    conversation.start();
    expect(texts(conversation.say("Gold"))).toEqual(["matched", "after"]);
  });

  describe("match all and match any", () => {
    const conditions: Condition[] = [
      { scope: "customer", attribute: "tier", operator: "equals", value: "gold" },
      { scope: "conversation", attribute: "priority", operator: "greater_than", value: 3 },
    ];
    const branch = (match: "all" | "any"): InteractionSpec => ({
      id: "check",
      kind: "conditional_branch",
      branches: [{ id: "b", match, conditions, interactions: [say("yes", "matched")] }],
    });
    const oneHolds: AttributeValues = { customer: { tier: "gold" }, conversation: { priority: 1 } };
    const bothHold: AttributeValues = { customer: { tier: "gold" }, conversation: { priority: 5 } };

    it("all needs every condition", () => {
      expect(
        texts(new Conversation(branchAssistant(branch("all")), { attributes: oneHolds }).start()),
      ).toEqual(["after"]);
      expect(
        texts(new Conversation(branchAssistant(branch("all")), { attributes: bothHold }).start()),
      ).toEqual(["matched", "after"]);
    });

    it("any needs one condition", () => {
      expect(
        texts(new Conversation(branchAssistant(branch("any")), { attributes: oneHolds }).start()),
      ).toEqual(["matched", "after"]);
      expect(texts(new Conversation(branchAssistant(branch("any")), { attributes: {} }).start())).toEqual([
        "after",
      ]);
    });
  });

  const tiers: InteractionSpec = {
    id: "tiers",
    kind: "conditional_branch",
    branches: [
      {
        id: "gold",
        conditions: [
          { scope: "customer", attribute: "tier", operator: "is_one_of", value: ["gold", "platinum"] },
        ],
        interactions: [say("gold-say", "gold")],
      },
      {
        id: "paying",
        conditions: [{ scope: "customer", attribute: "tier", operator: "is_set" }],
        interactions: [say("paying-say", "paying")],
      },
    ],
    otherwise: { interactions: [say("free-say", "free")] },
  };

  it("runs the first branch that holds, then goes on after the branch", () => {
    const run = (tier?: string) =>
      texts(new Conversation(branchAssistant(tiers), { attributes: { customer: { tier } } }).start());
    expect(run("platinum")).toEqual(["gold", "after"]);
    expect(run("silver")).toEqual(["paying", "after"]);
    expect(run()).toEqual(["free", "after"]);
  });

  it("goes on to the next interaction when nothing holds and there is no otherwise path", () => {
    const branch: InteractionSpec = {
      id: "check",
      kind: "conditional_branch",
      branches: [
        {
          id: "b",
          conditions: [{ scope: "customer", attribute: "tier", operator: "is_set" }],
          interactions: [say("yes", "matched")],
        },
      ],
    };
    expect(texts(new Conversation(branchAssistant(branch)).start())).toEqual(["after"]);
  });

  it("runs branches nested in branches and comes back out of both", () => {
    const inner: InteractionSpec = {
      id: "inner",
      kind: "conditional_branch",
      branches: [
        {
          id: "urgent",
          conditions: [
            { scope: "conversation", attribute: "priority", operator: "greater_or_equal", value: 4 },
          ],
          interactions: [say("urgent-say", "urgent gold")],
        },
      ],
      otherwise: { interactions: [say("calm-say", "calm gold")] },
    };
    const outer: InteractionSpec = {
      id: "outer",
      kind: "conditional_branch",
      branches: [
        {
          id: "gold",
          conditions: [{ scope: "customer", attribute: "tier", operator: "equals", value: "gold" }],
          interactions: [say("gold-say", "gold"), inner, say("gold-done", "gold done")],
        },
      ],
    };
    const conversation = new Conversation(branchAssistant(outer), {
      attributes: { customer: { tier: "gold" }, conversation: { priority: 5 } },
    });
    expect(texts(conversation.start())).toEqual(["gold", "urgent gold", "gold done", "after"]);
  });

  it("redirects at the end of a path instead of going on", () => {
    const branch: InteractionSpec = {
      id: "check",
      kind: "conditional_branch",
      branches: [
        {
          id: "vip",
          conditions: [{ scope: "conversation", attribute: "tags", operator: "contains", value: "vip" }],
          interactions: [say("vip-say", "VIP customer")],
          redirectTo: "vip",
        },
      ],
      otherwise: { interactions: [], redirectTo: "vip" },
    };
    const vip = new Conversation(branchAssistant(branch), {
      attributes: { conversation: { tags: ["vip"] } },
    });
    expect(texts(vip.start())).toEqual(["VIP customer", "in vip"]);
    expect(texts(new Conversation(branchAssistant(branch)).start())).toEqual(["in vip"]);
  });

  it("waits for a question inside a path, then finishes the path and goes on", () => {
    const branch: InteractionSpec = {
      id: "check",
      kind: "conditional_branch",
      branches: [
        {
          id: "unknown",
          conditions: [{ scope: "customer", attribute: "name", operator: "is_not_set" }],
          interactions: [
            {
              id: "name",
              kind: "text_question",
              prompt: "Your name?",
              saveTo: { klass: "customer", attribute: "name" },
            },
            say("hi", "Hi {{customer.name}}"),
          ],
        },
      ],
    };
    const conversation = new Conversation(branchAssistant(branch));
    expect(texts(conversation.start())).toEqual(["Your name?"]);
    expect(texts(conversation.say("Ada"))).toEqual(["Hi Ada", "after"]);
  });
});
