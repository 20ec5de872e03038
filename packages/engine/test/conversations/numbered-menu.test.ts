/**
 * A WhatsApp and SMS menu built as spec 13 recommends: a text question shows a
 * numbered menu and saves the reply to a conversation attribute; a conditional
 * branch with "match any" checks it with "equals" (numbers, emoji) and
 * "contains" (keywords), and redirects; anything else is redirected back.
 */
import type { Channel, Condition } from "@parley/model";
import { describe, expect, it } from "vitest";
import { buildAssistant, Conversation, dialog, effectOf, effectsOf, texts } from "../builders.ts";

const menuText = "Hi! How can we help?\n1️⃣ Track an order\n2️⃣ Returns\n3️⃣ Talk to an agent";

const step = (operator: Condition["operator"], value: string): Condition => ({
  scope: "conversation",
  attribute: "caStepValue",
  operator,
  value,
});

function menuAssistant(channel: Channel) {
  return buildAssistant({
    channel,
    type: "premium",
    settings: { volumeControl: { abandon: { enabled: true, action: "mark_done", message: "Chat closed." } } },
    dialogs: [
      dialog("welcome", [
        {
          id: "menu",
          kind: "text_question",
          prompt: menuText,
          saveTo: { klass: "conversation", attribute: "caStepValue" },
        },
        {
          id: "route",
          kind: "conditional_branch",
          branches: [
            {
              id: "orders",
              match: "any",
              conditions: [step("equals", "1"), step("equals", "1️⃣"), step("contains", "order")],
              redirectTo: "orders",
            },
            {
              id: "returns",
              match: "any",
              conditions: [step("equals", "2"), step("equals", "2️⃣"), step("contains", "return")],
              redirectTo: "returns",
            },
            {
              id: "agent",
              match: "any",
              conditions: [step("equals", "3"), step("equals", "3️⃣"), step("contains", "agent")],
              redirectTo: "agent",
            },
          ],
          otherwise: { interactions: [], redirectTo: "unexpected" },
        },
      ]),
      dialog(
        "orders",
        [
          {
            id: "order-number",
            kind: "text_question",
            prompt: "Please send your order number.",
            saveTo: { klass: "conversation", attribute: "orderNumber" },
          },
          {
            id: "order-thanks",
            kind: "send_message",
            text: "Thanks! An agent will look at {{conversation.orderNumber}}.",
          },
        ],
        { id: "order-transfer", kind: "transfer", teamId: "team-orders" },
      ),
      dialog(
        "returns",
        [
          { id: "returns-info", kind: "send_message", text: "Returns are free within 30 days." },
          {
            id: "another",
            kind: "text_question",
            prompt: "Anything else?\n1. Yes\n2. No",
            saveTo: { klass: "conversation", attribute: "caStepValue" },
          },
          {
            id: "another-route",
            kind: "conditional_branch",
            branches: [
              {
                id: "yes",
                match: "any",
                conditions: [step("equals", "1"), step("contains", "yes")],
                redirectTo: "welcome",
              },
            ],
          },
        ],
        { id: "returns-end", kind: "end_conversation", message: "Thanks for contacting us. Bye!" },
      ),
      dialog("agent", [], {
        id: "agent-transfer",
        kind: "transfer",
        message: "Connecting you with an agent.",
      }),
      dialog("unexpected", [{ id: "sorry", kind: "send_message", text: "Sorry, I didn't get that." }], {
        id: "back",
        kind: "redirect",
        dialogId: "welcome",
      }),
    ],
  });
}

const channels: Channel[] = ["whatsapp", "sms", "twilio_whatsapp", "messagebird_whatsapp"];

describe.each(channels)("numbered menu on %s (spec 13)", (channel) => {
  function started() {
    const conversation = new Conversation(menuAssistant(channel));
    expect(texts(conversation.start())).toEqual([menuText]);
    return conversation;
  }

  it.each(["1", " 1 ", "1️⃣", "Where is my ORDER?", "order"])("goes to orders for %j", (reply) => {
    const conversation = started();
    const effects = conversation.say(reply);
    expect(effectOf(effects, "attribute.set")).toMatchObject({
      attribute: "caStepValue",
      value: reply.trim(),
    });
    expect(texts(effects)).toEqual(["Please send your order number."]);
  });

  it("collects the order number and transfers to the orders team", () => {
    const conversation = started();
    conversation.say("1");
    const effects = conversation.say("A-1001");
    expect(texts(effects)).toEqual(["Thanks! An agent will look at A-1001."]);
    expect(effectOf(effects, "conversation.transfer")).toMatchObject({
      teamId: "team-orders",
      collected: { "conversation.caStepValue": "1", "conversation.orderNumber": "A-1001" },
    });
    expect(conversation.status).toBe("transferred");
  });

  it("answers returns, then ends the conversation when nothing else is needed", () => {
    const conversation = started();
    expect(texts(conversation.say("I want to return these shoes"))).toEqual([
      "Returns are free within 30 days.",
      "Anything else?\n1. Yes\n2. No",
    ]);
    const effects = conversation.say("2");
    expect(texts(effects)).toEqual(["Thanks for contacting us. Bye!"]);
    expect(effectsOf(effects, "conversation.end")).toHaveLength(1);
    expect(conversation.status).toBe("ended");
  });

  it("goes back to the menu for another question", () => {
    const conversation = started();
    conversation.say("2");
    expect(texts(conversation.say("yes please"))).toEqual([menuText]);
    expect(texts(conversation.say("3"))).toEqual(["Connecting you with an agent."]);
    expect(conversation.status).toBe("transferred");
  });

  it("redirects an unexpected reply back to the menu", () => {
    const conversation = started();
    expect(texts(conversation.say("banana"))).toEqual(["Sorry, I didn't get that.", menuText]);
    expect(texts(conversation.say("4"))).toEqual(["Sorry, I didn't get that.", menuText]);
    expect(texts(conversation.say("talk to an AGENT"))).toEqual(["Connecting you with an agent."]);
  });

  it("marks an abandoned conversation done", () => {
    const conversation = started();
    conversation.say("1");
    const effects = conversation.fire("abandon");
    expect(texts(effects)).toEqual(["Chat closed."]);
    expect(conversation.status).toBe("abandoned");
    expect(effectsOf(effects, "conversation.transfer")).toEqual([]);
  });
});
