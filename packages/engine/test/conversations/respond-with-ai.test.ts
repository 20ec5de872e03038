/**
 * An assistant shaped like the Respond with AI template (spec 07): answer from
 * the knowledge base, ask for feedback, ask again in every case, and after the
 * second failed attempt (nothing found, or negative feedback) transfer.
 */
import type { Channel } from "@parley/model";
import { describe, expect, it } from "vitest";
import {
  buildAssistant,
  Conversation,
  dialog,
  type EndSpec,
  effectOf,
  effectsOf,
  keywordIntents,
  texts,
} from "../builders.ts";

const ai = (id: string, prompt: string): EndSpec => ({
  id,
  kind: "ai_response",
  knowledgeBaseId: "kb-public",
  prompt,
  understandIntents: true,
  redirects: { answered: "answered", notAnswered: "not-answered", negativeFeedback: "negative" },
  attemptsBeforeHandover: 2,
  handoverMessage: "Let me transfer you to an agent who can help.",
});

const again = (id: string, text: string) =>
  dialog(id, [{ id: `${id}-message`, kind: "send_message", text }], {
    id: `${id}-next`,
    kind: "redirect",
    dialogId: "more",
  });

function respondWithAi(channel: Channel = "chat") {
  return buildAssistant({
    channel,
    type: "premium",
    intents: [{ intent: "contact_human_agent", dialogId: "human" }],
    dialogs: [
      dialog(
        "welcome",
        [{ id: "hello", kind: "send_message", text: "Hi! I'm a virtual assistant, not a person." }],
        ai("first-question", "What can I help you with?"),
      ),
      again("answered", "Great, I'm glad that helped."),
      again("not-answered", "Sorry, I couldn't find an answer to that."),
      again("negative", "Sorry that didn't help."),
      dialog("more", [], ai("more-questions", "Do you have any other questions?")),
      dialog("human", [], {
        id: "human-transfer",
        kind: "transfer",
        message: "Connecting you with a person.",
      }),
    ],
  });
}

function chat(channel: Channel = "chat") {
  const conversation = new Conversation(respondWithAi(channel), {
    detectIntent: keywordIntents({ human: "contact_human_agent" }).detectIntent,
  });
  conversation.start();
  const ask = (question: string) => {
    const effects = conversation.say(question);
    expect(effectOf(effects, "answer.request").question).toBe(question);
    return effects;
  };
  const answer = (text: string, found = true) =>
    conversation.send({
      type: "answer.generated",
      requestId: conversation.requestId("answer.request"),
      answer: { found, text, citations: [{ title: "Help", url: "https://help.example.com/1" }] },
    });
  return { conversation, ask, answer };
}

describe("Respond with AI (spec 07)", () => {
  it("answers, takes positive feedback, and asks for more questions again and again", () => {
    const { conversation, ask, answer } = chat();
    for (const question of [
      "How do I reset my password?",
      "Do you ship to Canada?",
      "Can I pay by PayPal?",
    ]) {
      ask(question);
      expect(texts(answer("Here is how.")).slice(0, 2)).toEqual([
        "Here is how.",
        "Did that answer your question?",
      ]);
      expect(texts(conversation.choose("positive"))).toEqual([
        "Great, I'm glad that helped.",
        "Do you have any other questions?",
      ]);
    }
    expect(conversation.status).toBe("running");
  });

  it("transfers after the second time nothing is found", () => {
    const { conversation, ask, answer } = chat();
    ask("What is the meaning of life?");
    expect(texts(answer("", false))).toEqual([
      "Sorry, I couldn't find an answer to that.",
      "Do you have any other questions?",
    ]);
    ask("Who won the match yesterday?");
    const effects = answer("", false);
    expect(texts(effects)).toEqual(["Let me transfer you to an agent who can help."]);
    expect(conversation.status).toBe("transferred");
    expect(effectsOf(effects, "conversation.transfer")).toHaveLength(1);
  });

  it("transfers after negative feedback on the second attempt", () => {
    const { conversation, ask, answer } = chat();
    ask("How do I reset my password?");
    answer("Use the reset link.");
    expect(texts(conversation.choose("negative"))).toEqual([
      "Sorry that didn't help.",
      "Do you have any other questions?",
    ]);
    ask("The reset link does not arrive");
    answer("Check your spam folder.");
    conversation.choose("negative");
    expect(conversation.status).toBe("transferred");
  });

  it("counts a missing answer and a negative feedback together", () => {
    const { conversation, ask, answer } = chat();
    ask("Where is my parcel?");
    answer("", false);
    ask("How do returns work?");
    answer("Returns are free.");
    expect(texts(conversation.choose("negative"))).toEqual(["Let me transfer you to an agent who can help."]);
  });

  it("answers a follow-up question typed instead of feedback", () => {
    const { conversation, ask, answer } = chat();
    ask("How do I reset my password?");
    answer("Use the reset link.");
    ask("And how do I change my email?");
    expect(texts(answer("Open your profile."))[0]).toBe("Open your profile.");
    expect(conversation.status).toBe("running");
  });

  it("follows the intent to talk to a person before asking the AI", () => {
    const { conversation } = chat();
    const effects = conversation.say("I want a human please");
    expect(effectsOf(effects, "answer.request")).toEqual([]);
    expect(texts(effects)).toEqual(["Connecting you with a person."]);
    expect(conversation.status).toBe("transferred");
  });

  it("works the same on WhatsApp with typed feedback", () => {
    const { conversation, ask, answer } = chat("whatsapp");
    ask("How do I reset my password?");
    answer("Use the reset link.");
    expect(texts(conversation.say("no"))).toEqual([
      "Sorry that didn't help.",
      "Do you have any other questions?",
    ]);
    ask("It still fails");
    answer("", false);
    expect(conversation.status).toBe("transferred");
  });
});
