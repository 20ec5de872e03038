import { describe, expect, it } from "vitest";
import {
  buildAssistant,
  Conversation,
  dialog,
  effectOf,
  effectsOf,
  keywordIntents,
  landing,
  newYorkSchedule,
  oneDialog,
  texts,
} from "../test/builders.ts";
import { advance, type Effect } from "./index.ts";

const handoverText = "Let me connect you with someone from our team.";

function askName(rest = {}) {
  return oneDialog(
    [
      { id: "hello", kind: "send_message", text: "Hi!" },
      {
        id: "name",
        kind: "text_question",
        prompt: "Your name?",
        saveTo: { klass: "customer", attribute: "name" },
      },
      {
        id: "lookup",
        kind: "run_workflow",
        workflowId: "wf-1",
        outputs: [{ output: "tier", saveTo: { klass: "customer", attribute: "tier" } }],
      },
      { id: "topic", kind: "text_question", prompt: "What is it about?" },
    ],
    { id: "bye", kind: "end_conversation", message: "Bye!" },
    rest,
  );
}

/** What the error path must produce: the handover message, the transferred status and a transfer. */
function expectHandedOver(effects: Effect[]): void {
  expect(texts(effects)).toEqual([handoverText]);
  expect(effectOf(effects, "status.set").status).toBe("transferred");
  expect(effectOf(effects, "conversation.transfer").reason).toMatch(/^error: /);
}

describe("assistant statuses (spec 12)", () => {
  it("starts running without announcing it", () => {
    const conversation = new Conversation(askName());
    expect(effectsOf(conversation.start(), "status.set")).toEqual([]);
    expect(conversation.status).toBe("running");
  });

  it("running → interrupted when an agent replies while the assistant runs", () => {
    const conversation = new Conversation(askName());
    conversation.start();
    const effects = conversation.send({ type: "agent.replied", agentId: "agent-1", text: "I've got this." });
    expect(effectOf(effects, "status.set")).toMatchObject({ status: "interrupted" });
    expect(effectOf(effects, "timer.cancel").name).toBe("reminder");
    expect(conversation.say("Ada")).toEqual([]);
    expect(conversation.timers.size).toBe(0);
  });

  it("an interrupted conversation ignores the results of work it asked for", () => {
    const conversation = new Conversation(askName());
    conversation.start();
    conversation.say("Ada");
    const requestId = conversation.requestId("workflow.call");
    conversation.send({ type: "agent.replied", agentId: "agent-1", text: "Hello" });
    expect(conversation.send({ type: "workflow.completed", requestId, output: { tier: "gold" } })).toEqual(
      [],
    );
    expect(conversation.send({ type: "effect.failed", requestId, error: "late" })).toEqual([]);
    expect(conversation.status).toBe("interrupted");
  });

  it("running → ended by the end conversation interaction", () => {
    const conversation = new Conversation(askName());
    conversation.start();
    conversation.say("Ada");
    conversation.send({
      type: "workflow.completed",
      requestId: conversation.requestId("workflow.call"),
      output: {},
    });
    expect(texts(conversation.say("billing"))).toEqual(["Bye!"]);
    expect(conversation.status).toBe("ended");
  });

  it("running → ended when the customer closes the chat", () => {
    const conversation = new Conversation(askName());
    conversation.start();
    const effects = conversation.send({ type: "customer.closed" });
    expect(effectOf(effects, "status.set")).toMatchObject({ status: "ended" });
    expect(conversation.timers.size).toBe(0);
    expect(conversation.say("Ada")).toEqual([]);
  });

  it("running → transferred → missed, and customer messages after the transfer reach only people", () => {
    const assistant = oneDialog(
      [],
      { id: "handover", kind: "transfer" },
      {
        settings: { volumeControl: { agentMissed: { enabled: true } } },
      },
    );
    const conversation = new Conversation(assistant);
    conversation.start();
    expect(conversation.status).toBe("transferred");
    expect(conversation.say("hello?")).toEqual([]);
    expect(conversation.send({ type: "agent.assigned", agentId: "agent-1" })).toEqual([]);
    conversation.fire("missed");
    expect(conversation.status).toBe("missed");
  });

  it("a transferred conversation stays transferred when the customer closes it or an agent replies", () => {
    const conversation = new Conversation(oneDialog([], { id: "handover", kind: "transfer" }));
    conversation.start();
    expect(effectsOf(conversation.send({ type: "customer.closed" }), "status.set")).toEqual([]);
    expect(conversation.send({ type: "agent.replied", agentId: "a", text: "hi" })).toEqual([]);
    expect(conversation.status).toBe("transferred");
  });

  it("running → abandoned when the customer stops answering (mark done)", () => {
    const conversation = new Conversation(
      askName({ settings: { volumeControl: { abandon: { enabled: true, action: "mark_done" } } } }),
    );
    conversation.start();
    conversation.fire("abandon");
    expect(conversation.status).toBe("abandoned");
  });

  it("an agent marking the conversation done stops every timer", () => {
    const conversation = new Conversation(
      askName({ settings: { volumeControl: { abandon: { enabled: true } } } }),
    );
    conversation.start();
    conversation.send({ type: "agent.done", agentId: "agent-1" });
    expect(conversation.timers.size).toBe(0);
    expect(conversation.say("Ada")).toEqual([]);
  });
});

describe("errors hand the conversation to an agent instead of throwing", () => {
  it("a business schedule with an unknown time zone", () => {
    const assistant = oneDialog(
      [
        { id: "hello", kind: "send_message", text: "Hi!" },
        { id: "hours", kind: "business_schedule", scheduleId: "support-hours" },
      ],
      { id: "end", kind: "end_conversation" },
    );
    const conversation = new Conversation(assistant, {
      schedules: { "support-hours": { ...newYorkSchedule, timeZone: "Nowhere/Special" } },
    });
    // Nothing of the failed turn is said: the customer hears only the handover.
    expectHandedOver(conversation.start());
    expect(conversation.status).toBe("transferred");
  });

  it("a redirect to a dialog that does not exist", () => {
    const assistant = buildAssistant({
      dialogs: [dialog("welcome", [], { id: "go", kind: "redirect", dialogId: "nope" })],
    });
    expectHandedOver(new Conversation(assistant).start());
  });

  it("a dialog with no end interaction", () => {
    const assistant = buildAssistant({
      dialogs: [dialog("welcome", [{ id: "hi", kind: "send_message", text: "Hi" }])],
    });
    expectHandedOver(new Conversation(assistant).start());
  });

  it("a start dialog that does not exist", () => {
    expectHandedOver(new Conversation(askName()).start({ startDialogId: "missing" }));
  });

  it("an endless redirect loop, even one that talks", () => {
    const assistant = buildAssistant({
      dialogs: [
        dialog("a", [{ id: "a-say", kind: "send_message", text: "A" }], {
          id: "a-go",
          kind: "redirect",
          dialogId: "b",
        }),
        dialog("b", [], { id: "b-go", kind: "redirect", dialogId: "a" }),
      ],
    });
    expectHandedOver(new Conversation(assistant).start());
  });

  it("a stored state waiting on an interaction the assistant no longer has", () => {
    const before = new Conversation(askName());
    before.start();
    const republished = oneDialog([{ id: "other", kind: "text_question", prompt: "?" }], {
      id: "end",
      kind: "transfer",
    });
    const result = advance(
      republished,
      before.state,
      { type: "customer.text", text: "Ada" },
      before.environment,
    );
    expectHandedOver(result.effects);
    expect(result.state.status).toBe("transferred");
  });

  it("an intent detector that throws, keeping what was collected before the failing turn", () => {
    const assistant = oneDialog(
      [
        {
          id: "name",
          kind: "text_question",
          prompt: "Name?",
          saveTo: { klass: "customer", attribute: "name" },
        },
        {
          id: "why",
          kind: "text_question",
          prompt: "Why?",
          saveTo: { klass: "conversation", attribute: "reason" },
          understandIntents: true,
        },
      ],
      { id: "end", kind: "transfer" },
    );
    const conversation = new Conversation(assistant, {
      detectIntent: () => {
        throw new Error("classifier crashed");
      },
    });
    conversation.start();
    conversation.say("Ada");
    const effects = conversation.say("my order");
    expectHandedOver(effects);
    expect(effectOf(effects, "conversation.transfer").collected).toEqual({ "customer.name": "Ada" });
    expect(effectsOf(effects, "timer.cancel").map((effect) => effect.name)).toEqual(["reminder"]);
  });
});

describe("starting a conversation", () => {
  const greeting = (rest = {}) =>
    buildAssistant({
      ...rest,
      dialogs: [
        dialog("welcome", [{ id: "hi", kind: "send_message", text: "{{snippet.greeting}}" }], {
          id: "end",
          kind: "transfer",
        }),
        landing("returns", "Returns desk"),
      ],
    });
  const snippets = { greeting: { en: "Hello!", es: "¡Hola!", "pt-BR": "Olá!" } };

  it("starts in Welcome, or in the dialog a rule chose", () => {
    expect(texts(new Conversation(greeting(), { snippets }).start())).toEqual(["Hello!"]);
    expect(texts(new Conversation(greeting(), { snippets }).start({ startDialogId: "returns" }))).toEqual([
      "Returns desk",
    ]);
  });

  it.each([
    ["es-ES", "¡Hola!"],
    ["es-mx", "¡Hola!"],
    ["pt-BR", "Olá!"],
    ["pt-PT", "Hello!"],
    ["fr-FR", "Hello!"],
    ["es-ES,es;q=0.9", "¡Hola!"],
    ["klingon", "Hello!"],
    ["", "Hello!"],
  ])("in language %j, snippets read %j", (language, expected) => {
    expect(texts(new Conversation(greeting(), { snippets }).start({ language }))).toEqual([expected]);
  });

  it.each([
    ["english", "en"],
    ["es_ES.UTF-8", "es-ES"],
    ["en-US,en;q=0.9", "en-US"],
    ["PT", "pt"],
  ])("reads the language %j as %j", (requested, language) => {
    const intents = keywordIntents({});
    const assistant = oneDialog(
      [{ id: "ask", kind: "text_question", prompt: "?", understandIntents: true }],
      { id: "end", kind: "transfer" },
    );
    const conversation = new Conversation(assistant, { detectIntent: intents.detectIntent });
    conversation.start({ language: requested });
    conversation.say("hello");
    expect(intents.calls[0]?.language).toBe(language);
  });

  it("takes the language from the web chat session when the start context has none", () => {
    const conversation = new Conversation(greeting(), {
      snippets,
      attributes: { session: { language: "es-es" } },
    });
    expect(texts(conversation.start())).toEqual(["¡Hola!"]);
  });

  it("falls back to the assistant's language, then to any value of the snippet", () => {
    expect(texts(new Conversation(greeting({ defaultLanguage: "es" }), { snippets }).start())).toEqual([
      "¡Hola!",
    ]);
    const german = { greeting: { de: "Hallo!" } };
    expect(texts(new Conversation(greeting(), { snippets: german }).start({ language: "en" }))).toEqual([
      "Hallo!",
    ]);
    expect(texts(new Conversation(greeting(), { snippets: {} }).start())).toEqual([""]);
  });

  it("speaks the engine's own sentences in the conversation's language", () => {
    const broken = buildAssistant({
      dialogs: [dialog("welcome", [], { id: "go", kind: "redirect", dialogId: "x" })],
    });
    expect(texts(new Conversation(broken).start({ language: "es-ES" }))).toEqual([
      "Te comunico con una persona de nuestro equipo.",
    ]);
  });
});
