import type { Channel } from "@parley/model";
import { describe, expect, it } from "vitest";
import {
  type AssistantSpec,
  Conversation,
  type EndSpec,
  effectOf,
  effectsOf,
  oneDialog,
  texts,
} from "../../test/builders.ts";

function handover(end: Partial<EndSpec> = {}, rest: AssistantSpec = {}) {
  return oneDialog(
    [
      {
        id: "name",
        kind: "text_question",
        prompt: "Your name?",
        saveTo: { klass: "customer", attribute: "name" },
      },
      {
        id: "tag",
        kind: "update_attribute",
        updates: [{ target: { klass: "conversation", attribute: "priority" }, value: 2 }],
      },
    ],
    { id: "handover", kind: "transfer", ...end } as EndSpec,
    rest,
  );
}

const missedOn = { settings: { volumeControl: { agentMissed: { enabled: true, afterMinutes: 15 } } } };

describe("transfer to an agent", () => {
  it("says its message, hands over with the team, routing and collected data", () => {
    const conversation = new Conversation(
      handover({
        message: "Connecting you, {{customer.name}}.",
        teamId: "team-sales",
        routing: { priority: 4, queue: "vip", skills: ["es"] },
      }),
    );
    conversation.start();
    const effects = conversation.say("Ada");
    expect(texts(effects)).toEqual(["Connecting you, Ada."]);
    expect(effectOf(effects, "status.set")).toMatchObject({ status: "transferred" });
    expect(effectOf(effects, "conversation.transfer")).toEqual({
      type: "conversation.transfer",
      teamId: "team-sales",
      routing: { priority: 4, queue: "vip", skills: ["es"] },
      collected: { "customer.name": "Ada", "conversation.priority": 2 },
      reason: "transfer to an agent",
    });
    expect(conversation.status).toBe("transferred");
  });

  it("hands over silently without a team or routing when none is set", () => {
    const conversation = new Conversation(handover());
    conversation.start();
    const effects = conversation.say("Ada");
    expect(texts(effects)).toEqual([]);
    const transfer = effectOf(effects, "conversation.transfer");
    expect(transfer.teamId).toBeUndefined();
    expect(transfer.routing).toEqual({});
  });

  it("stops the customer's reminder and abandon timers", () => {
    const conversation = new Conversation(
      handover({}, { settings: { volumeControl: { abandon: { enabled: true } } } }),
    );
    conversation.start();
    expect([...conversation.timers.keys()].sort()).toEqual(["abandon", "reminder"]);
    const effects = conversation.say("Ada");
    expect(
      effectsOf(effects, "timer.cancel")
        .map((effect) => effect.name)
        .sort(),
    ).toEqual(["abandon", "reminder"]);
    expect(conversation.timers.size).toBe(0);
  });

  it("starts the agent-missed timer on chat when the setting is on", () => {
    const conversation = new Conversation(handover({}, missedOn));
    conversation.start();
    const effects = conversation.say("Ada");
    const timer = effectOf(effects, "timer.schedule");
    expect(timer).toMatchObject({ name: "missed", at: conversation.environment.now + 15 * 60_000 });
  });

  it("starts no agent-missed timer when the setting is off", () => {
    const conversation = new Conversation(handover());
    conversation.start();
    expect(effectsOf(conversation.say("Ada"), "timer.schedule")).toEqual([]);
  });

  it.each<Channel>(["whatsapp", "sms", "twilio_whatsapp", "messagebird_whatsapp"])(
    "starts no agent-missed timer on %s, where the setting does not apply",
    (channel) => {
      const conversation = new Conversation(handover({}, { ...missedOn, channel }));
      conversation.start();
      expect(effectsOf(conversation.say("Ada"), "timer.schedule")).toEqual([]);
    },
  );

  it("lets people talk after the transfer: the assistant says nothing more", () => {
    const conversation = new Conversation(handover());
    conversation.start();
    conversation.say("Ada");
    expect(conversation.say("hello? anyone?")).toEqual([]);
    expect(conversation.choose("anything")).toEqual([]);
  });
});
