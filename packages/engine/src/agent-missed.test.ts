import type { AssistantType, FollowUpChannel } from "@parley/model";
import { describe, expect, it } from "vitest";
import { Conversation, effectOf, effectsOf, messages, oneDialog, texts } from "../test/builders.ts";

const minute = 60_000;

function missedAssistant(
  agentMissed: { followUpChannels?: FollowUpChannel[]; markDoneIfNoChoice?: boolean } = {},
  type: AssistantType = "premium",
) {
  return oneDialog(
    [{ id: "hello", kind: "send_message", text: "Hi!" }],
    { id: "handover", kind: "transfer" },
    {
      type,
      settings: {
        volumeControl: {
          agentMissed: {
            enabled: true,
            afterMinutes: 10,
            message: "Sorry, nobody is free. How should we follow up?",
            followUpChannels: ["email", "phone", "sms", "whatsapp", "wait"],
            choiceTimeoutSeconds: 30,
            ...agentMissed,
          },
        },
      },
    },
  );
}

function missed(agentMissed: Parameters<typeof missedAssistant>[0] = {}, type: AssistantType = "premium") {
  const conversation = new Conversation(missedAssistant(agentMissed, type));
  conversation.start();
  const effects = conversation.fire("missed");
  return { conversation, effects };
}

describe("agent missed conversation", () => {
  it("is timed from the transfer", () => {
    const conversation = new Conversation(missedAssistant());
    conversation.start();
    expect(conversation.status).toBe("transferred");
    expect(conversation.timers.get("missed")?.at).toBe(conversation.environment.now + 10 * minute);
  });

  it("marks the conversation missed and offers the follow-up channels", () => {
    const { conversation, effects } = missed();
    expect(conversation.status).toBe("missed");
    expect(messages(effects)).toEqual([
      {
        kind: "buttons",
        text: "Sorry, nobody is free. How should we follow up?",
        options: [
          { id: "email", label: "Email" },
          { id: "phone", label: "Phone call" },
          { id: "sms", label: "SMS" },
          { id: "whatsapp", label: "WhatsApp" },
          { id: "wait", label: "I'll wait" },
        ],
      },
    ]);
  });

  it("asks for the email address, refuses an invalid one and records a valid one", () => {
    const { conversation } = missed();
    expect(texts(conversation.choose("email"))).toEqual(["What email address should we use?"]);
    expect(texts(conversation.say("ada at example"))).toEqual([
      "That doesn't look like an email address. Please try again.",
    ]);
    const effects = conversation.say(" ada@example.com ");
    expect(effectOf(effects, "follow_up.record")).toEqual({
      type: "follow_up.record",
      channel: "email",
      contact: "ada@example.com",
    });
    expect(texts(effects)).toEqual(["Thank you. We'll follow up with you at ada@example.com."]);
    expect(effectOf(effects, "conversation.end")).toMatchObject({ reason: "follow up by email" });
    expect(conversation.status).toBe("missed");
    expect(conversation.say("thanks!")).toEqual([]);
  });

  it.each<FollowUpChannel>(["phone", "sms", "whatsapp"])(
    "%s needs the number with its country code",
    (channel) => {
      const { conversation } = missed();
      expect(texts(conversation.choose(channel))[0]).toContain("country code");
      expect(texts(conversation.say("917 123 4567"))).toEqual([
        "Please send the number with its country code, for example +19171234567.",
      ]);
      const effects = conversation.say("+1 (917) 123-4567");
      expect(effectOf(effects, "follow_up.record")).toEqual({
        type: "follow_up.record",
        channel,
        contact: "+19171234567",
      });
      expect(effectsOf(effects, "conversation.end")).toHaveLength(1);
    },
  );

  it("takes the channel typed by its name or number", () => {
    const { conversation } = missed();
    expect(texts(conversation.say("email"))).toEqual(["What email address should we use?"]);
    const again = missed().conversation;
    expect(texts(again.say("2"))[0]).toContain("phone number");
  });

  it("offers the channels again for an answer that is none of them", () => {
    const { conversation } = missed();
    const effects = conversation.say("carrier pigeon");
    expect(texts(effects)).toEqual(["Please choose one of the options."]);
    expect(messages(effects)[0]).toMatchObject({ kind: "buttons" });
  });

  it("records that the customer waits, and keeps the conversation with the agents", () => {
    const { conversation } = missed({ markDoneIfNoChoice: true });
    const effects = conversation.choose("wait");
    expect(effectOf(effects, "follow_up.record")).toEqual({ type: "follow_up.record", channel: "wait" });
    expect(texts(effects)).toEqual(["Thanks for waiting. An agent will be with you as soon as possible."]);
    expect(effectsOf(effects, "conversation.end")).toEqual([]);
    expect(effectOf(effects, "timer.cancel")).toEqual({ type: "timer.cancel", name: "choice_timeout" });
    expect(conversation.say("ok")).toEqual([]);
  });

  it.each<AssistantType>(["premium", "pro"])(
    "marks the conversation done on %s when no channel is chosen in time",
    (type) => {
      const { conversation, effects } = missed({ markDoneIfNoChoice: true }, type);
      expect(effectOf(effects, "timer.schedule")).toMatchObject({
        name: "choice_timeout",
        at: conversation.environment.now + 30_000,
      });
      const done = conversation.fire("choice_timeout");
      expect(effectOf(done, "conversation.end")).toMatchObject({ reason: "no follow-up channel chosen" });
      expect(conversation.say("email")).toEqual([]);
    },
  );

  it("does not mark done on Lite, or when the setting is off", () => {
    expect(effectsOf(missed({ markDoneIfNoChoice: true }, "lite").effects, "timer.schedule")).toEqual([]);
    expect(effectsOf(missed({ markDoneIfNoChoice: false }).effects, "timer.schedule")).toEqual([]);
  });

  it("does not mark done once a channel is chosen", () => {
    const { conversation } = missed({ markDoneIfNoChoice: true });
    const timer = conversation.timers.get("choice_timeout");
    conversation.choose("email");
    expect(conversation.timers.has("choice_timeout")).toBe(false);
    expect(
      conversation.send({ type: "timer.fired", name: "choice_timeout", timerId: timer?.timerId ?? "" }),
    ).toEqual([]);
    expect(effectsOf(conversation.say("ada@example.com"), "conversation.end")).toHaveLength(1);
  });

  it("is cancelled by an agent's reply before the timer, and a late timer is ignored", () => {
    const conversation = new Conversation(missedAssistant());
    conversation.start();
    const timer = conversation.timers.get("missed");
    const reply = conversation.send({ type: "agent.replied", agentId: "agent-1", text: "Hi, I'm Sam." });
    expect(reply).toEqual([{ type: "timer.cancel", name: "missed" }]);
    expect(conversation.status).toBe("transferred");
    expect(conversation.send({ type: "timer.fired", name: "missed", timerId: timer?.timerId ?? "" })).toEqual(
      [],
    );
    expect(conversation.status).toBe("transferred");
  });

  it("stops offering channels once an agent replies", () => {
    const { conversation } = missed();
    conversation.send({ type: "agent.replied", agentId: "agent-1", text: "Sorry for the wait!" });
    expect(conversation.choose("email")).toEqual([]);
  });

  it("is not offered when the customer closed the chat after the transfer", () => {
    const conversation = new Conversation(missedAssistant());
    conversation.start();
    const effects = conversation.send({ type: "customer.closed" });
    expect(effects).toEqual([{ type: "timer.cancel", name: "missed" }]);
    expect(conversation.timers.size).toBe(0);
  });
});
