import { describe, expect, it } from "vitest";
import { Conversation, type InteractionSpec, messages, oneDialog, texts } from "../../test/builders.ts";
import type { AttributeValues, EngineEnvironment } from "../index.ts";

function teamQuestion(skipIfSet: boolean, before: InteractionSpec[] = []) {
  return oneDialog(
    [
      ...before,
      {
        id: "team",
        kind: "attribute_question",
        prompt: "Which team would you like to reach?",
        attribute: { klass: "conversation", attribute: "assignedTeams" },
        values: ["CX", "Sales", "Shipping"],
        skipIfSet,
      },
      { id: "after", kind: "send_message", text: "Teams: {{conversation.assignedTeams}}" },
    ],
    { id: "end", kind: "transfer" },
  );
}

function withConversation(values: AttributeValues["conversation"]): Partial<EngineEnvironment> {
  return { attributes: { conversation: values ?? {} } };
}

describe("attribute question", () => {
  it("offers the attribute's values as buttons", () => {
    const conversation = new Conversation(teamQuestion(false));
    expect(messages(conversation.start())).toEqual([
      {
        kind: "buttons",
        text: "Which team would you like to reach?",
        options: [
          { id: "value-1", label: "CX" },
          { id: "value-2", label: "Sales" },
          { id: "value-3", label: "Shipping" },
        ],
      },
    ]);
  });

  it("saves the chosen value to the attribute and goes on (a list attribute gets a list)", () => {
    const conversation = new Conversation(teamQuestion(false));
    conversation.start();
    expect(texts(conversation.choose("value-2"))).toEqual(["Teams: Sales"]);
    expect(conversation.attributes).toEqual({ "conversation.assignedTeams": ["Sales"] });
  });

  it("takes the value typed as text", () => {
    const conversation = new Conversation(teamQuestion(false));
    conversation.start();
    conversation.say("shipping");
    expect(conversation.attributes["conversation.assignedTeams"]).toEqual(["Shipping"]);
  });

  it("asks again when the reply is no value", () => {
    const conversation = new Conversation(teamQuestion(false));
    conversation.start();
    expect(texts(conversation.say("marketing"))).toEqual(["Please choose one of the options."]);
    expect(conversation.attributes).toEqual({});
  });

  it("skips the question when the attribute is already set on the conversation", () => {
    const conversation = new Conversation(teamQuestion(true), withConversation({ assignedTeams: ["CX"] }));
    expect(texts(conversation.start())).toEqual(["Teams: CX"]);
    expect(conversation.status).toBe("transferred");
  });

  it("skips the question when the value was saved earlier in the conversation", () => {
    const earlier: InteractionSpec = {
      id: "first",
      kind: "attribute_question",
      prompt: "Pick a team first",
      attribute: { klass: "conversation", attribute: "assignedTeams" },
      values: ["CX", "Sales"],
    };
    const conversation = new Conversation(teamQuestion(true, [earlier]));
    expect(texts(conversation.start())).toEqual(["Pick a team first"]);
    expect(texts(conversation.choose("value-1"))).toEqual(["Teams: CX"]);
  });

  it.each([[undefined], [""], ["   "], [[]], [null]])("asks when the value %j counts as not set", (value) => {
    const conversation = new Conversation(teamQuestion(true), withConversation({ assignedTeams: value }));
    expect(texts(conversation.start())).toEqual(["Which team would you like to reach?"]);
  });

  it("asks even when the attribute is set if skipping is off", () => {
    const conversation = new Conversation(teamQuestion(false), withConversation({ assignedTeams: ["CX"] }));
    expect(texts(conversation.start())).toEqual(["Which team would you like to reach?"]);
    expect(texts(conversation.choose("value-3"))).toEqual(["Teams: Shipping"]);
  });

  it("reads customer attributes for customer questions", () => {
    const assistant = oneDialog(
      [
        {
          id: "language",
          kind: "attribute_question",
          prompt: "Which language?",
          attribute: { klass: "customer", attribute: "defaultLanguage" },
          values: ["English", "Spanish"],
          skipIfSet: true,
        },
        { id: "after", kind: "send_message", text: "Language: {{customer.defaultLanguage}}" },
      ],
      { id: "end", kind: "transfer" },
    );
    const known = new Conversation(assistant, { attributes: { customer: { defaultLanguage: "Spanish" } } });
    expect(texts(known.start())).toEqual(["Language: Spanish"]);
    const unknown = new Conversation(assistant, {
      attributes: { conversation: { defaultLanguage: "Spanish" } },
    });
    expect(texts(unknown.start())).toEqual(["Which language?"]);
  });
});
