import type { Channel } from "@parley/model";
import { describe, expect, it } from "vitest";
import {
  type AssistantSpec,
  Conversation,
  effectsOf,
  messages,
  oneDialog,
  texts,
} from "../../test/builders.ts";

function teamQuestion(rest: AssistantSpec = {}, saveTo = true) {
  return oneDialog(
    [
      {
        id: "team",
        kind: "button_question",
        prompt: "Which team do you need?",
        buttons: [
          { id: "sales", label: "Sales" },
          { id: "support", label: "Technical support" },
          { id: "billing", label: "Billing" },
        ],
        ...(saveTo ? { saveTo: { klass: "conversation", attribute: "team" } } : {}),
      },
      { id: "after", kind: "send_message", text: "Team: {{conversation.team}}" },
    ],
    { id: "end", kind: "transfer" },
    rest,
  );
}

describe("button question", () => {
  it("shows its buttons on chat and waits", () => {
    const conversation = new Conversation(teamQuestion());
    expect(messages(conversation.start())).toEqual([
      {
        kind: "buttons",
        text: "Which team do you need?",
        options: [
          { id: "sales", label: "Sales" },
          { id: "support", label: "Technical support" },
          { id: "billing", label: "Billing" },
        ],
      },
    ]);
    expect(conversation.status).toBe("running");
  });

  it("takes a button press by its id, saves the button's text and goes on", () => {
    const conversation = new Conversation(teamQuestion());
    conversation.start();
    const effects = conversation.choose("support");
    expect(effectsOf(effects, "attribute.set")).toEqual([
      { type: "attribute.set", klass: "conversation", attribute: "team", value: "Technical support" },
    ]);
    expect(texts(effects)).toEqual(["Team: Technical support"]);
  });

  it.each([
    ["the option's number", "3", "Billing"],
    ["the label", "sales", "Sales"],
    ["the label with other punctuation and case", "  TECHNICAL support!! ", "Technical support"],
    ["a sentence naming one label", "I need billing please", "Billing"],
    ["the start of a label", "tech", "Technical support"],
  ])("takes typed text that is %s", (_what, typed, saved) => {
    const conversation = new Conversation(teamQuestion());
    conversation.start();
    conversation.say(typed);
    expect(conversation.attributes["conversation.team"]).toBe(saved);
  });

  it.each(["banana", "7", "0", "", "sales or billing", "👍"])(
    "asks again when the reply %j names no option",
    (typed) => {
      const conversation = new Conversation(teamQuestion());
      conversation.start();
      const effects = conversation.say(typed);
      expect(messages(effects)).toEqual([
        {
          kind: "buttons",
          text: "Please choose one of the options.",
          options: [
            { id: "sales", label: "Sales" },
            { id: "support", label: "Technical support" },
            { id: "billing", label: "Billing" },
          ],
        },
      ]);
      expect(effectsOf(effects, "attribute.set")).toEqual([]);
      expect(texts(conversation.say("sales"))).toEqual(["Team: Sales"]);
    },
  );

  it("takes a typed number that is a button's label when it is no option's position", () => {
    const assistant = oneDialog(
      [
        {
          id: "amount",
          kind: "button_question",
          prompt: "How much?",
          buttons: [
            { id: "ten", label: "10" },
            { id: "fifty", label: "50" },
          ],
          saveTo: { klass: "conversation", attribute: "amount" },
        },
      ],
      { id: "end", kind: "transfer" },
    );
    const conversation = new Conversation(assistant);
    conversation.start();
    conversation.say("50");
    expect(conversation.attributes["conversation.amount"]).toBe("50");
  });

  it("asks again for a button id that is not one of its buttons", () => {
    const conversation = new Conversation(teamQuestion());
    conversation.start();
    expect(texts(conversation.choose("returns"))).toEqual(["Please choose one of the options."]);
  });

  it("goes on without saving when no attribute is chosen", () => {
    const conversation = new Conversation(teamQuestion({}, false));
    conversation.start();
    const effects = conversation.choose("sales");
    expect(effectsOf(effects, "attribute.set")).toEqual([]);
    expect(texts(effects)).toEqual(["Team: "]);
  });

  it.each<Channel>(["sms", "twilio_whatsapp", "messagebird_whatsapp"])(
    "sends a numbered menu on %s, answered by number, and numbers the re-ask too",
    (channel) => {
      const conversation = new Conversation(teamQuestion({ channel }));
      expect(messages(conversation.start())).toEqual([
        { kind: "text", text: "Which team do you need?\n1. Sales\n2. Technical support\n3. Billing" },
      ]);
      expect(messages(conversation.say("what?"))).toEqual([
        {
          kind: "text",
          text: "Please choose one of the options.\n1. Sales\n2. Technical support\n3. Billing",
        },
      ]);
      expect(texts(conversation.say("2"))).toEqual(["Team: Technical support"]);
    },
  );

  it("accepts keycap emoji numbers on a numbered menu", () => {
    const conversation = new Conversation(teamQuestion({ channel: "sms" }));
    conversation.start();
    expect(texts(conversation.say("1️⃣"))).toEqual(["Team: Sales"]);
  });

  it("sends real buttons on WhatsApp", () => {
    const conversation = new Conversation(teamQuestion({ channel: "whatsapp" }));
    expect(messages(conversation.start())[0]?.kind).toBe("buttons");
  });
});
