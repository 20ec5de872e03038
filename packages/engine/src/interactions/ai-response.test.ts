import { describe, expect, it } from "vitest";
import {
  type AssistantSpec,
  buildAssistant,
  Conversation,
  dialog,
  type EndSpec,
  effectOf,
  effectsOf,
  keywordIntents,
  landing,
  messages,
  texts,
} from "../../test/builders.ts";

function aiAssistant(ai: Partial<EndSpec> = {}, rest: AssistantSpec = {}) {
  return buildAssistant({
    intents: [{ intent: "contact_human_agent", dialogId: "human" }],
    ...rest,
    dialogs: [
      dialog("ask", [], {
        id: "ai",
        kind: "ai_response",
        knowledgeBaseId: "kb-public",
        prompt: "What would you like to know?",
        redirects: { answered: "answered", notAnswered: "retry", negativeFeedback: "retry-negative" },
        handoverMessage: "Let me get you a person.",
        handoverTeamId: "team-support",
        ...ai,
      } as EndSpec),
      landing("answered"),
      landing("human"),
      dialog("retry", [{ id: "retry-say", kind: "send_message", text: "Sorry, I could not find that." }], {
        id: "retry-end",
        kind: "redirect",
        dialogId: "ask",
      }),
      dialog("retry-negative", [{ id: "neg-say", kind: "send_message", text: "Sorry that did not help." }], {
        id: "neg-end",
        kind: "redirect",
        dialogId: "ask",
      }),
    ],
  });
}

const answer = (text: string, found = true) => ({ found, text, citations: [], answerId: "ans-1" });

function asked(
  question = "How do I reset my password?",
  ai: Partial<EndSpec> = {},
  rest: AssistantSpec = {},
) {
  const conversation = new Conversation(aiAssistant(ai, rest));
  conversation.start();
  const effects = conversation.say(question);
  return { conversation, effects };
}

function answered(conversation: Conversation, text: string, found = true) {
  const requestId = conversation.requestId("answer.request");
  return conversation.send({ type: "answer.generated", requestId, answer: answer(text, found) });
}

describe("AI response", () => {
  it("asks, then sends the customer's question to the knowledge base", () => {
    const conversation = new Conversation(aiAssistant());
    expect(texts(conversation.start())).toEqual(["What would you like to know?"]);
    const effects = conversation.say("  How do I reset my password?  ");
    expect(effectOf(effects, "answer.request")).toMatchObject({
      knowledgeBaseId: "kb-public",
      question: "How do I reset my password?",
      language: "en",
    });
    expect(effectOf(effects, "answer.request").aiProfileId).toBeUndefined();
  });

  it("keeps waiting when the message is blank instead of asking the knowledge base nothing", () => {
    const conversation = new Conversation(aiAssistant());
    conversation.start();
    expect(effectsOf(conversation.say("   "), "answer.request")).toEqual([]);
    expect(effectOf(conversation.say("Where is my order?"), "answer.request").question).toBe(
      "Where is my order?",
    );
  });

  it("waits silently for the question when it has no prompt", () => {
    const conversation = new Conversation(aiAssistant({ prompt: undefined }));
    expect(texts(conversation.start())).toEqual([]);
    expect(effectsOf(conversation.say("Where is my order?"), "answer.request")).toHaveLength(1);
  });

  it("uses its own AI profile, else the assistant's", () => {
    const own = asked("q", { aiProfileId: "profile-own" }, { settings: { aiProfileId: "profile-default" } });
    expect(effectOf(own.effects, "answer.request").aiProfileId).toBe("profile-own");
    const fallback = asked("q", {}, { settings: { aiProfileId: "profile-default" } });
    expect(effectOf(fallback.effects, "answer.request").aiProfileId).toBe("profile-default");
  });

  it("asks in the conversation's language", () => {
    const conversation = new Conversation(aiAssistant());
    conversation.start({ language: "es-ES" });
    expect(effectOf(conversation.say("¿Cómo cambio mi contraseña?"), "answer.request").language).toBe(
      "es-ES",
    );
  });

  it("sends the answer, asks for feedback, and a positive reply goes to the answered dialog", () => {
    const { conversation } = asked();
    const effects = answered(conversation, "Use the reset link on the login page.");
    expect(messages(effects)).toEqual([
      { kind: "answer", answer: answer("Use the reset link on the login page.") },
      expect.objectContaining({ kind: "feedback", text: "Did that answer your question?", design: "thumbs" }),
    ]);
    const positive = conversation.choose("positive");
    expect(effectOf(positive, "feedback.record")).toEqual({
      type: "feedback.record",
      interactionId: "ai",
      outcome: "positive",
      answerId: "ans-1",
    });
    expect(texts(positive)).toEqual(["in answered"]);
  });

  it("goes to the not-answered dialog when nothing is found", () => {
    const { conversation } = asked();
    const effects = answered(conversation, "I could not find an answer to that.", false);
    expect(texts(effects)).toEqual([
      "I could not find an answer to that.",
      "Sorry, I could not find that.",
      "What would you like to know?",
    ]);
    expect(conversation.status).toBe("running");
  });

  it("says nothing of its own when the empty answer was not found", () => {
    const { conversation } = asked();
    expect(texts(answered(conversation, " ", false))).toEqual([
      "Sorry, I could not find that.",
      "What would you like to know?",
    ]);
  });

  it("goes to the negative-feedback dialog after a negative reply", () => {
    const { conversation } = asked();
    answered(conversation, "Use the reset link.");
    const effects = conversation.choose("negative");
    expect(effectOf(effects, "feedback.record").outcome).toBe("negative");
    expect(texts(effects)).toEqual(["Sorry that did not help.", "What would you like to know?"]);
  });

  it("hands over on the second failed attempt, whatever failed (spec 07)", () => {
    const { conversation } = asked();
    answered(conversation, "", false);
    conversation.say("And how do I change my email?");
    answered(conversation, "Open your profile.");
    const effects = conversation.choose("negative");
    expect(texts(effects)).toEqual(["Let me get you a person."]);
    expect(conversation.status).toBe("transferred");
    expect(effectOf(effects, "conversation.transfer")).toMatchObject({ teamId: "team-support" });
  });

  it.each([
    [1, 1],
    [3, 3],
  ])("with %i attempts before handover, transfers on failure number %i", (attempts, failureThatTransfers) => {
    const { conversation } = asked("q", { attemptsBeforeHandover: attempts });
    for (let failure = 1; failure < failureThatTransfers; failure += 1) {
      answered(conversation, "", false);
      expect(conversation.status).toBe("running");
      conversation.say("another question");
    }
    answered(conversation, "", false);
    expect(conversation.status).toBe("transferred");
  });

  it("does not count a positive answer as a failure", () => {
    const { conversation } = asked("q", {
      redirects: { answered: "ask", notAnswered: "retry", negativeFeedback: "retry" },
    });
    answered(conversation, "", false);
    conversation.say("second question");
    answered(conversation, "Here you go.");
    conversation.choose("positive");
    conversation.say("third question");
    expect(conversation.status).toBe("running");
    answered(conversation, "", false);
    expect(conversation.status).toBe("transferred");
  });

  it("follows a mapped intent before asking the knowledge base", () => {
    const conversation = new Conversation(aiAssistant({ understandIntents: true }), {
      detectIntent: keywordIntents({ agent: "contact_human_agent" }).detectIntent,
    });
    conversation.start();
    const effects = conversation.say("Can I talk to an agent?");
    expect(effectsOf(effects, "answer.request")).toEqual([]);
    expect(texts(effects)).toEqual(["in human"]);
    expect(effectsOf(conversation.say("ignored after transfer"), "answer.request")).toEqual([]);
  });

  it("asks the knowledge base when no mapped intent is found, or intents are off", () => {
    const detector = keywordIntents({ agent: "contact_human_agent" });
    const listening = new Conversation(aiAssistant({ understandIntents: true }), {
      detectIntent: detector.detectIntent,
    });
    listening.start();
    expect(effectsOf(listening.say("Where is my parcel?"), "answer.request")).toHaveLength(1);
    const deaf = new Conversation(aiAssistant(), { detectIntent: detector.detectIntent });
    deaf.start();
    expect(effectsOf(deaf.say("Can I talk to an agent?"), "answer.request")).toHaveLength(1);
  });

  it("answers a new question typed instead of feedback", () => {
    const { conversation } = asked();
    answered(conversation, "Use the reset link.");
    const first = conversation.requestId("answer.request");
    const effects = conversation.say("What about two-factor codes?");
    expect(effectsOf(effects, "feedback.record")).toEqual([]);
    expect(effectOf(effects, "answer.request")).toMatchObject({ question: "What about two-factor codes?" });
    expect(conversation.send({ type: "answer.generated", requestId: first, answer: answer("old") })).toEqual(
      [],
    );
    expect(texts(answered(conversation, "Use your authenticator app."))[0]).toBe(
      "Use your authenticator app.",
    );
  });

  it("takes typed feedback such as yes", () => {
    const { conversation } = asked();
    answered(conversation, "Use the reset link.");
    expect(texts(conversation.say("yes"))).toEqual(["in answered"]);
  });

  it("ignores answers to other requests and customer messages while it thinks", () => {
    const { conversation } = asked();
    expect(
      conversation.send({ type: "answer.generated", requestId: "r-old", answer: answer("stale") }),
    ).toEqual([]);
    expect(conversation.say("hello?")).toEqual([]);
    expect(texts(answered(conversation, "Fresh answer."))[0]).toBe("Fresh answer.");
  });

  it("hands over when the answer cannot be generated", () => {
    const { conversation } = asked();
    const requestId = conversation.requestId("answer.request");
    conversation.send({ type: "effect.failed", requestId, error: "provider unavailable" });
    expect(conversation.status).toBe("transferred");
  });

  it("asks for feedback with buttons on WhatsApp", () => {
    const { conversation } = asked("q", {}, { channel: "whatsapp" });
    expect(messages(answered(conversation, "Answer."))[1]).toMatchObject({ kind: "buttons" });
  });

  it("asks for feedback again when the reminder fires after an answer", () => {
    const conversation = new Conversation(aiAssistant());
    conversation.start();
    conversation.say("How do I reset my password?");
    const shown = messages(answered(conversation, "Use the reset link."));
    const repeated = messages(conversation.fire("reminder"));
    expect(repeated).toEqual([{ kind: "text", text: "Are you still there?" }, shown.at(-1)]);
  });
});
