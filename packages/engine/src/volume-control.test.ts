import type { AssistantType } from "@parley/model";
import { describe, expect, it } from "vitest";
import {
  type AssistantSpec,
  Conversation,
  effectOf,
  effectsOf,
  messages,
  oneDialog,
  texts,
} from "../test/builders.ts";

const minute = 60_000;

function chatAssistant(rest: AssistantSpec = {}) {
  return oneDialog(
    [
      { id: "hello", kind: "send_message", text: "Welcome!" },
      { id: "name", kind: "text_question", prompt: "What is your name?" },
      { id: "topic", kind: "text_question", prompt: "What is it about?" },
    ],
    { id: "bye", kind: "end_conversation", message: "Bye." },
    rest,
  );
}

const withVolume = (volumeControl: object, rest: AssistantSpec = {}): AssistantSpec => ({
  ...rest,
  settings: { volumeControl },
});

describe("inactive customer reminder", () => {
  it("is scheduled when the assistant waits for the customer", () => {
    const conversation = new Conversation(chatAssistant());
    conversation.start();
    expect(conversation.timers.get("reminder")?.at).toBe(conversation.environment.now + 5 * minute);
    expect(conversation.timers.has("abandon")).toBe(false);
  });

  it("sends the reminder, then repeats the assistant's last message (spec 10)", () => {
    const assistant = chatAssistant(withVolume({ reminder: { message: "Still there, {{customer.name}}?" } }));
    const conversation = new Conversation(assistant, { attributes: { customer: { name: "Ada" } } });
    conversation.start();
    expect(texts(conversation.fire("reminder"))).toEqual(["Still there, Ada?", "What is your name?"]);
    expect(conversation.status).toBe("running");
    conversation.say("Ada");
    expect(texts(conversation.fire("reminder"))).toEqual(["Still there, Ada?", "What is it about?"]);
  });

  it("asks the original question again after a reply that named no option", () => {
    const assistant = oneDialog(
      [{ id: "pick", kind: "button_question", prompt: "Pick one", buttons: [{ id: "a", label: "Apples" }] }],
      { id: "end", kind: "transfer" },
    );
    const conversation = new Conversation(assistant);
    conversation.start();
    conversation.say("bananas");
    const effects = conversation.fire("reminder");
    expect(messages(effects)[1]).toEqual({
      kind: "buttons",
      text: "Pick one",
      options: [{ id: "a", label: "Apples" }],
    });
  });

  it("does not change what the next reminder repeats when an event is ignored", () => {
    const conversation = new Conversation(chatAssistant());
    conversation.start();
    conversation.choose("not-a-text-answer");
    expect(texts(conversation.fire("reminder"))).toEqual(["Are you still there?", "What is your name?"]);
  });

  it("is re-armed after each customer reply, and the old timer is then stale", () => {
    const conversation = new Conversation(chatAssistant());
    conversation.start();
    const first = conversation.timers.get("reminder");
    conversation.environment = {
      ...conversation.environment,
      now: conversation.environment.now + 2 * minute,
    };
    const effects = conversation.say("Ada");
    const second = effectOf(effects, "timer.schedule");
    expect(second.name).toBe("reminder");
    expect(second.timerId).not.toBe(first?.timerId);
    expect(second.at).toBe(conversation.environment.now + 5 * minute);
    expect(
      conversation.send({ type: "timer.fired", name: "reminder", timerId: first?.timerId ?? "" }),
    ).toEqual([]);
  });

  it("ignores a timer id it never scheduled", () => {
    const conversation = new Conversation(chatAssistant());
    conversation.start();
    expect(conversation.send({ type: "timer.fired", name: "reminder", timerId: "reminder-999" })).toEqual([]);
    expect(conversation.send({ type: "timer.fired", name: "abandon", timerId: "abandon-1" })).toEqual([]);
  });

  it("is cancelled when the assistant finishes", () => {
    const conversation = new Conversation(chatAssistant(withVolume({ abandon: { enabled: true } })));
    conversation.start();
    conversation.say("Ada");
    const effects = conversation.say("Billing");
    expect(
      effectsOf(effects, "timer.cancel")
        .map((effect) => effect.name)
        .sort(),
    ).toEqual(["abandon", "reminder"]);
    expect(conversation.timers.size).toBe(0);
  });

  it("schedules nothing when the reminder is off", () => {
    const conversation = new Conversation(chatAssistant(withVolume({ reminder: { enabled: false } })));
    const effects = conversation.start();
    expect(effectsOf(effects, "timer.schedule")).toEqual([]);
    expect(effectsOf(conversation.say("Ada"), "timer.schedule")).toEqual([]);
  });
});

describe("customer abandoned conversation", () => {
  const abandonAfter = (action: "transfer" | "mark_done", type: AssistantType = "premium") =>
    chatAssistant(
      withVolume(
        { abandon: { enabled: true, afterMinutes: 12, message: "Closing this chat for now.", action } },
        { type },
      ),
    );

  it("is scheduled with the reminder when the assistant waits", () => {
    const conversation = new Conversation(abandonAfter("transfer"));
    conversation.start();
    expect(conversation.timers.get("abandon")?.at).toBe(conversation.environment.now + 12 * minute);
  });

  it("sends its message, then transfers to an agent", () => {
    const conversation = new Conversation(abandonAfter("transfer"));
    conversation.start();
    conversation.fire("reminder");
    const effects = conversation.fire("abandon");
    expect(texts(effects)).toEqual(["Closing this chat for now."]);
    expect(conversation.status).toBe("transferred");
    expect(effectOf(effects, "conversation.transfer").reason).toBe("abandoned");
    expect(conversation.timers.size).toBe(0);
  });

  it("does not start the agent-missed timer: the customer has left", () => {
    const assistant = chatAssistant(
      withVolume({ abandon: { enabled: true, action: "transfer" }, agentMissed: { enabled: true } }),
    );
    const conversation = new Conversation(assistant);
    conversation.start();
    conversation.fire("abandon");
    expect(conversation.status).toBe("transferred");
    expect(conversation.timers.has("missed")).toBe(false);
  });

  it.each<AssistantType>(["premium", "pro"])("marks the conversation done on %s when set to", (type) => {
    const conversation = new Conversation(abandonAfter("mark_done", type));
    conversation.start();
    const effects = conversation.fire("abandon");
    expect(texts(effects)).toEqual(["Closing this chat for now."]);
    expect(conversation.status).toBe("abandoned");
    expect(effectOf(effects, "conversation.end")).toEqual({ type: "conversation.end", reason: "abandoned" });
    expect(effectsOf(effects, "conversation.transfer")).toEqual([]);
    expect(conversation.say("I'm back")).toEqual([]);
  });

  it("transfers on Lite even when set to mark done", () => {
    const conversation = new Conversation(abandonAfter("mark_done", "lite"));
    conversation.start();
    const effects = conversation.fire("abandon");
    expect(conversation.status).toBe("transferred");
    expect(effectsOf(effects, "conversation.end")).toEqual([]);
  });

  it("does not fire once the customer answered (stale timer)", () => {
    const conversation = new Conversation(abandonAfter("mark_done"));
    conversation.start();
    const old = conversation.timers.get("abandon");
    conversation.say("Ada");
    expect(conversation.send({ type: "timer.fired", name: "abandon", timerId: old?.timerId ?? "" })).toEqual(
      [],
    );
    expect(conversation.status).toBe("running");
  });

  it("is not scheduled on voice", () => {
    const assistant = oneDialog(
      [{ id: "menu", kind: "collect_customer_input", prompt: "Say something", mode: "speech" }],
      { id: "end", kind: "transfer" },
      withVolume({ abandon: { enabled: true } }, { channel: "voice", type: "lite" }),
    );
    const conversation = new Conversation(assistant);
    conversation.start();
    expect([...conversation.timers.keys()]).toEqual(["voice_reprompt"]);
  });
});

describe("voice re-prompts", () => {
  const voiceMenu = (volumeControl: object = {}) =>
    oneDialog(
      [
        { id: "menu", kind: "collect_customer_input", prompt: "Press 1 for orders.", mode: "digits" },
        { id: "thanks", kind: "play_prompt", text: "Thanks." },
      ],
      { id: "end", kind: "transfer" },
      withVolume(volumeControl, { channel: "voice", type: "lite" }),
    );

  it("re-prompts every 10 seconds, then transfers after the configured number of re-prompts", () => {
    const conversation = new Conversation(voiceMenu({ reminder: { voiceReprompts: 2 } }));
    conversation.start();
    const startedAt = conversation.environment.now;
    expect(texts(conversation.fire("voice_reprompt"))).toEqual(["Press 1 for orders."]);
    expect(texts(conversation.fire("voice_reprompt"))).toEqual(["Press 1 for orders."]);
    expect(conversation.environment.now).toBe(startedAt + 20_000);
    const effects = conversation.fire("voice_reprompt");
    expect(texts(effects)).toEqual([]);
    expect(conversation.status).toBe("transferred");
    expect(effectOf(effects, "conversation.transfer").reason).toBe("caller did not respond");
    expect(conversation.timers.size).toBe(0);
  });

  it("counts again from zero after the caller answers", () => {
    const assistant = oneDialog(
      [
        { id: "first", kind: "collect_customer_input", prompt: "First?", mode: "digits" },
        { id: "second", kind: "collect_customer_input", prompt: "Second?", mode: "digits" },
      ],
      { id: "end", kind: "transfer" },
      withVolume({ reminder: { voiceReprompts: 1 } }, { channel: "voice", type: "lite" }),
    );
    const conversation = new Conversation(assistant);
    conversation.start();
    conversation.fire("voice_reprompt");
    conversation.send({ type: "customer.input", digits: "1" });
    expect(texts(conversation.fire("voice_reprompt"))).toEqual(["Second?"]);
    expect(conversation.status).toBe("running");
  });

  it("never re-prompts when the reminder is off", () => {
    const conversation = new Conversation(voiceMenu({ reminder: { enabled: false } }));
    expect(effectsOf(conversation.start(), "timer.schedule")).toEqual([]);
  });
});
