import type { Channel } from "@parley/model";
import { describe, expect, it } from "vitest";
import {
  type AssistantSpec,
  Conversation,
  effectOf,
  effectsOf,
  keywordIntents,
  landing,
  oneDialog,
  texts,
} from "../../test/builders.ts";

function orderAssistant(rest: AssistantSpec = {}, understandIntents = true) {
  return oneDialog(
    [
      {
        id: "ask",
        kind: "text_question",
        prompt: "What can we help you with today?",
        saveTo: { klass: "conversation", attribute: "reason" },
        understandIntents,
      },
      { id: "after", kind: "send_message", text: "Thanks, reason: {{conversation.reason}}" },
    ],
    { id: "end", kind: "transfer" },
    {
      intents: [{ intent: "cancel_order", dialogId: "cancel" }],
      ...rest,
      dialogs: [landing("cancel"), landing("fallback"), ...(rest.dialogs ?? [])],
    },
  );
}

describe("text question", () => {
  it("asks and waits for the customer's reply", () => {
    const conversation = new Conversation(orderAssistant());
    expect(texts(conversation.start())).toEqual(["What can we help you with today?"]);
    expect(conversation.timers.has("reminder")).toBe(true);
    expect(conversation.status).toBe("running");
  });

  it("saves the reply to the attribute and goes on", () => {
    const conversation = new Conversation(orderAssistant({}, false));
    conversation.start();
    const effects = conversation.say("  My parcel is late  ");
    expect(effectOf(effects, "attribute.set")).toMatchObject({
      klass: "conversation",
      attribute: "reason",
      value: "My parcel is late",
    });
    expect(texts(effects)).toEqual(["Thanks, reason: My parcel is late"]);
  });

  it("follows a mapped intent to its dialog, after saving the reply", () => {
    const intents = keywordIntents({ cancel: "cancel_order" });
    const conversation = new Conversation(orderAssistant(), { detectIntent: intents.detectIntent });
    conversation.start();
    const effects = conversation.say("Please cancel order XXEE444");
    expect(intents.calls).toEqual([{ text: "Please cancel order XXEE444", language: "en" }]);
    expect(effectOf(effects, "intent.detected")).toMatchObject({
      intent: "cancel_order",
      dialogId: "cancel",
    });
    expect(conversation.attributes["conversation.reason"]).toBe("Please cancel order XXEE444");
    expect(texts(effects)).toEqual(["in cancel"]);
  });

  it("goes on when the detected intent is not mapped or nothing is detected", () => {
    const intents = keywordIntents({ refund: "get_refund" });
    const conversation = new Conversation(orderAssistant(), { detectIntent: intents.detectIntent });
    conversation.start();
    const effects = conversation.say("I want a refund");
    expect(effectOf(effects, "intent.detected").dialogId).toBeUndefined();
    expect(texts(effects)).toEqual(["Thanks, reason: I want a refund"]);
  });

  it("does not look for intents unless the question understands them", () => {
    const intents = keywordIntents({ cancel: "cancel_order" });
    const conversation = new Conversation(orderAssistant({}, false), { detectIntent: intents.detectIntent });
    conversation.start();
    expect(texts(conversation.say("cancel it"))).toEqual(["Thanks, reason: cancel it"]);
    expect(intents.calls).toEqual([]);
  });

  it.each<Channel>(["whatsapp", "twilio_whatsapp", "messagebird_whatsapp"])(
    "on %s, redirects when no intent matches and the behaviour says redirect",
    (channel) => {
      const assistant = orderAssistant({
        channel,
        settings: { behaviour: { noIntentMatch: { action: "redirect", dialogId: "fallback" } } },
      });
      const conversation = new Conversation(assistant, {
        detectIntent: keywordIntents({ cancel: "cancel_order" }).detectIntent,
      });
      conversation.start();
      expect(texts(conversation.say("hello there"))).toEqual(["in fallback"]);
      expect(conversation.attributes["conversation.reason"]).toBe("hello there");
    },
  );

  it("on WhatsApp, a matching intent still wins over the no-intent redirect", () => {
    const assistant = orderAssistant({
      channel: "whatsapp",
      settings: { behaviour: { noIntentMatch: { action: "redirect", dialogId: "fallback" } } },
    });
    const conversation = new Conversation(assistant, {
      detectIntent: keywordIntents({ cancel: "cancel_order" }).detectIntent,
    });
    conversation.start();
    expect(texts(conversation.say("cancel my order"))).toEqual(["in cancel"]);
  });

  it("on WhatsApp, continues to the next interaction when the behaviour says continue", () => {
    const assistant = orderAssistant({ channel: "whatsapp" });
    const conversation = new Conversation(assistant, {
      detectIntent: keywordIntents({ cancel: "cancel_order" }).detectIntent,
    });
    conversation.start();
    expect(texts(conversation.say("hello there"))).toEqual(["Thanks, reason: hello there"]);
  });

  it("ignores the no-intent redirect outside WhatsApp", () => {
    const assistant = orderAssistant({
      settings: { behaviour: { noIntentMatch: { action: "redirect", dialogId: "fallback" } } },
    });
    const conversation = new Conversation(assistant, {
      detectIntent: keywordIntents({ cancel: "cancel_order" }).detectIntent,
    });
    conversation.start();
    expect(texts(conversation.say("hello there"))).toEqual(["Thanks, reason: hello there"]);
  });

  it("ignores intents and the no-intent redirect on Lite assistants", () => {
    const intents = keywordIntents({ cancel: "cancel_order" });
    const assistant = orderAssistant({
      type: "lite",
      channel: "whatsapp",
      settings: { behaviour: { noIntentMatch: { action: "redirect", dialogId: "fallback" } } },
    });
    const conversation = new Conversation(assistant, { detectIntent: intents.detectIntent });
    conversation.start();
    const effects = conversation.say("cancel my order");
    expect(texts(effects)).toEqual(["Thanks, reason: cancel my order"]);
    expect(effectsOf(effects, "intent.detected")).toEqual([]);
    expect(intents.calls).toEqual([]);
  });

  it("does not take a button press or an attachment as the answer", () => {
    const conversation = new Conversation(orderAssistant({}, false));
    conversation.start();
    expect(conversation.choose("anything")).toEqual([]);
    expect(
      conversation.send({
        type: "customer.attachment",
        attachments: [{ url: "https://example.com/a.png", mediaType: "image/png" }],
      }),
    ).toEqual([]);
    expect(texts(conversation.say("late parcel"))).toEqual(["Thanks, reason: late parcel"]);
  });
});
