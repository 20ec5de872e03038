/**
 * The assistant of the tutorial (spec 11): Welcome → Ask Customer Name →
 * Ask for Team → Complete Assistant, which transfers to the chosen team.
 */
import type { AssistantType } from "@parley/model";
import { describe, expect, it } from "vitest";
import { buildAssistant, Conversation, dialog, effectOf, effectsOf, messages, texts } from "../builders.ts";

function tutorialAssistant(type: AssistantType = "lite") {
  return buildAssistant({
    internalName: "Tutorial",
    publicName: "Parley Bot",
    type,
    dialogs: [
      dialog(
        "welcome",
        [
          {
            id: "welcome-message",
            kind: "send_message",
            text: "Hi! I'm a virtual assistant. I'll ask a few questions to connect you with the right agent.",
          },
        ],
        { id: "welcome-next", kind: "redirect", dialogId: "ask-customer-name" },
        "Welcome",
      ),
      dialog(
        "ask-customer-name",
        [
          {
            id: "name-question",
            kind: "text_question",
            prompt: "What is your name?",
            saveTo: { klass: "customer", attribute: "name" },
          },
        ],
        { id: "name-next", kind: "redirect", dialogId: "ask-for-team" },
        "Ask Customer Name",
      ),
      dialog(
        "ask-for-team",
        [
          {
            id: "team-question",
            kind: "attribute_question",
            prompt: "Thanks, {{customer.name}}! Which team would you like to reach?",
            attribute: { klass: "conversation", attribute: "assignedTeams" },
            values: ["CX", "Sales", "Shipping"],
          },
        ],
        { id: "team-next", kind: "redirect", dialogId: "complete-assistant" },
        "Ask for Team",
      ),
      dialog(
        "complete-assistant",
        [
          {
            id: "complete-message",
            kind: "send_message",
            text: "Got it. Connecting you with someone from {{conversation.assignedTeams}}.",
          },
        ],
        { id: "complete-transfer", kind: "transfer" },
        "Complete Assistant",
      ),
    ],
  });
}

describe("tutorial assistant (spec 11)", () => {
  it.each<AssistantType>(["lite", "premium"])("collects the name and team, then transfers (%s)", (type) => {
    const conversation = new Conversation(tutorialAssistant(type));

    expect(texts(conversation.start())).toEqual([
      "Hi! I'm a virtual assistant. I'll ask a few questions to connect you with the right agent.",
      "What is your name?",
    ]);

    const afterName = conversation.say("Ada Lovelace");
    expect(messages(afterName)).toEqual([
      {
        kind: "buttons",
        text: "Thanks, Ada Lovelace! Which team would you like to reach?",
        options: [
          { id: "value-1", label: "CX" },
          { id: "value-2", label: "Sales" },
          { id: "value-3", label: "Shipping" },
        ],
      },
    ]);

    const afterTeam = conversation.choose("value-2");
    expect(texts(afterTeam)).toEqual(["Got it. Connecting you with someone from Sales."]);
    expect(conversation.status).toBe("transferred");
    const transfer = effectOf(afterTeam, "conversation.transfer");
    expect(transfer.teamId).toBe("Sales");
    expect(transfer.collected).toEqual({
      "customer.name": "Ada Lovelace",
      "conversation.assignedTeams": ["Sales"],
    });
    expect(conversation.attributes).toEqual({
      "customer.name": "Ada Lovelace",
      "conversation.assignedTeams": ["Sales"],
    });
  });

  it("reminds a quiet customer while it waits and stops reminding once it transfers", () => {
    const conversation = new Conversation(tutorialAssistant());
    conversation.start();
    expect(texts(conversation.fire("reminder"))).toEqual(["Are you still there?", "What is your name?"]);
    conversation.say("Ada");
    expect(conversation.timers.has("reminder")).toBe(true);
    const transfer = conversation.say("shipping");
    expect(effectsOf(transfer, "timer.cancel")).toEqual([{ type: "timer.cancel", name: "reminder" }]);
    expect(conversation.timers.size).toBe(0);
  });

  it("asks again when the team typed is not one of the buttons", () => {
    const conversation = new Conversation(tutorialAssistant());
    conversation.start();
    conversation.say("Ada");
    expect(texts(conversation.say("marketing"))).toEqual(["Please choose one of the options."]);
    expect(conversation.status).toBe("running");
    expect(texts(conversation.say("CX"))).toEqual(["Got it. Connecting you with someone from CX."]);
  });

  it("leaves the conversation to the agent after the transfer", () => {
    const conversation = new Conversation(tutorialAssistant());
    conversation.start();
    conversation.say("Ada");
    conversation.choose("value-1");
    expect(conversation.send({ type: "agent.assigned", agentId: "agent-7" })).toEqual([]);
    expect(conversation.send({ type: "agent.replied", agentId: "agent-7", text: "Hi Ada!" })).toEqual([]);
    expect(conversation.say("Hi!")).toEqual([]);
    expect(conversation.status).toBe("transferred");
  });
});
