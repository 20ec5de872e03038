import type { FeedbackDesign } from "@parley/model";
import { describe, expect, it } from "vitest";
import {
  type AssistantSpec,
  Conversation,
  effectOf,
  effectsOf,
  landing,
  messages,
  oneDialog,
  optionLabels,
  texts,
} from "../../test/builders.ts";

function feedback(design: FeedbackDesign, withNeutral = true, rest: AssistantSpec = {}) {
  return oneDialog(
    [],
    {
      id: "rate",
      kind: "request_feedback",
      prompt: "How did we do?",
      design,
      redirects: { positive: "happy", negative: "unhappy", ...(withNeutral ? { neutral: "meh" } : {}) },
    },
    { ...rest, dialogs: [landing("happy"), landing("unhappy"), landing("meh")] },
  );
}

describe("request feedback", () => {
  it.each<[FeedbackDesign, string[]]>([
    ["thumbs", ["👍 Yes", "👎 No"]],
    ["emoji", ["😀 Yes, thanks", "😐 It was OK", "🙁 Not really"]],
    ["text", ["Yes, thanks", "Not really"]],
  ])("asks with the %s design on chat", (design, labels) => {
    const effects = new Conversation(feedback(design)).start();
    expect(messages(effects)[0]).toMatchObject({ kind: "feedback", text: "How did we do?", design });
    expect(optionLabels(effects)).toEqual([labels]);
  });

  it.each<FeedbackDesign>(["thumbs", "emoji", "text"])(
    "%s: positive and negative follow their redirects",
    (design) => {
      const happy = new Conversation(feedback(design));
      happy.start();
      const effects = happy.choose("positive");
      expect(effectOf(effects, "feedback.record")).toEqual({
        type: "feedback.record",
        interactionId: "rate",
        outcome: "positive",
      });
      expect(texts(effects)).toEqual(["in happy"]);

      const unhappy = new Conversation(feedback(design));
      unhappy.start();
      const negative = unhappy.choose("negative");
      expect(effectOf(negative, "feedback.record").outcome).toBe("negative");
      expect(texts(negative)).toEqual(["in unhappy"]);
    },
  );

  it("emoji: neutral follows its own redirect", () => {
    const conversation = new Conversation(feedback("emoji"));
    conversation.start();
    const effects = conversation.choose("neutral");
    expect(effectOf(effects, "feedback.record").outcome).toBe("neutral");
    expect(texts(effects)).toEqual(["in meh"]);
  });

  it("emoji: neutral falls back to the positive redirect when it has none", () => {
    const conversation = new Conversation(feedback("emoji", false));
    conversation.start();
    expect(texts(conversation.choose("neutral"))).toEqual(["in happy"]);
  });

  it("has no neutral button in the thumbs design", () => {
    const conversation = new Conversation(feedback("thumbs"));
    conversation.start();
    const effects = conversation.choose("neutral");
    expect(effectsOf(effects, "feedback.record")).toEqual([]);
    expect(texts(effects)).toEqual(["Please choose one of the options."]);
  });

  it("takes typed answers and asks again for anything else", () => {
    const conversation = new Conversation(feedback("text"));
    conversation.start();
    expect(texts(conversation.say("hmm"))).toEqual(["Please choose one of the options."]);
    expect(texts(conversation.say("not really"))).toEqual(["in unhappy"]);
  });

  it("sends buttons on WhatsApp, answered by their words", () => {
    const conversation = new Conversation(feedback("thumbs", true, { channel: "whatsapp" }));
    expect(messages(conversation.start())[0]).toMatchObject({ kind: "buttons", text: "How did we do?" });
    expect(texts(conversation.say("yes"))).toEqual(["in happy"]);
  });

  it("speaks the buttons in the conversation's language", () => {
    const conversation = new Conversation(feedback("text"));
    expect(optionLabels(conversation.start({ language: "pt-BR" }))).toEqual([["Sim, obrigado", "Não muito"]]);
  });
});
