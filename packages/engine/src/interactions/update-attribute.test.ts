import { describe, expect, it } from "vitest";
import { Conversation, effectsOf, type InteractionSpec, oneDialog, texts } from "../../test/builders.ts";

function updating(updates: unknown[], before: InteractionSpec[] = []) {
  return oneDialog(
    [
      ...before,
      { id: "update", kind: "update_attribute", updates } as InteractionSpec,
      { id: "after", kind: "send_message", text: "Tags: {{conversation.tags}}" },
    ],
    { id: "end", kind: "transfer" },
  );
}

describe("update attribute", () => {
  it("sets values, rendering text templates, and goes on", () => {
    const assistant = updating([
      { target: { klass: "conversation", attribute: "name" }, value: "Order help for {{customer.name}}" },
      { target: { klass: "conversation", attribute: "priority" }, value: 4 },
      { target: { klass: "customer", attribute: "vip" }, value: true },
    ]);
    const conversation = new Conversation(assistant, { attributes: { customer: { name: "Ada" } } });
    const effects = conversation.start();
    expect(effectsOf(effects, "attribute.set")).toEqual([
      { type: "attribute.set", klass: "conversation", attribute: "name", value: "Order help for Ada" },
      { type: "attribute.set", klass: "conversation", attribute: "priority", value: 4 },
      { type: "attribute.set", klass: "customer", attribute: "vip", value: true },
    ]);
    expect(texts(effects)).toEqual(["Tags: "]);
  });

  it("adds to a list without repeating items", () => {
    const assistant = updating([
      { target: { klass: "conversation", attribute: "tags" }, value: ["vip", "assistant"], operation: "add" },
    ]);
    const conversation = new Conversation(assistant, {
      attributes: { conversation: { tags: ["new", "vip"] } },
    });
    expect(texts(conversation.start())).toEqual(["Tags: new, vip, assistant"]);
    expect(conversation.attributes["conversation.tags"]).toEqual(["new", "vip", "assistant"]);
  });

  it("adds a rendered text item to a list that was not set", () => {
    const assistant = updating([
      {
        target: { klass: "conversation", attribute: "tags" },
        value: "team-{{customer.team}}",
        operation: "add",
      },
    ]);
    const conversation = new Conversation(assistant, { attributes: { customer: { team: "sales" } } });
    conversation.start();
    expect(conversation.attributes["conversation.tags"]).toEqual(["team-sales"]);
  });

  it("removes items from a list and keeps the others", () => {
    const assistant = updating([
      {
        target: { klass: "conversation", attribute: "tags" },
        value: ["new", "missing"],
        operation: "remove",
      },
    ]);
    const conversation = new Conversation(assistant, {
      attributes: { conversation: { tags: ["new", "vip"] } },
    });
    expect(texts(conversation.start())).toEqual(["Tags: vip"]);
  });

  it("builds on what the conversation saved earlier, and later interactions read the new value", () => {
    const question: InteractionSpec = {
      id: "topic",
      kind: "text_question",
      prompt: "Topic?",
      saveTo: { klass: "conversation", attribute: "tags" },
    };
    const assistant = updating(
      [{ target: { klass: "conversation", attribute: "tags" }, value: "assistant", operation: "add" }],
      [question],
    );
    const conversation = new Conversation(assistant);
    conversation.start();
    const effects = conversation.say("billing");
    expect(effectsOf(effects, "attribute.set").map((effect) => effect.value)).toEqual([
      "billing",
      ["billing", "assistant"],
    ]);
    expect(texts(effects)).toEqual(["Tags: billing, assistant"]);
  });
});
