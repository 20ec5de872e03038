import { describe, expect, it } from "vitest";
import {
  type AssistantSpec,
  Conversation,
  effectsOf,
  keywordIntents,
  landing,
  messages,
  oneDialog,
  texts,
} from "../../test/builders.ts";

function list(understandIntents = false, rest: AssistantSpec = {}) {
  return oneDialog(
    [],
    {
      id: "menu",
      kind: "list_selector",
      prompt: "How can we help?",
      buttonLabel: "Options",
      options: [
        { id: "track", label: "Track my order", description: "Where is my parcel?", dialogId: "track" },
        { id: "returns", label: "Returns", dialogId: "returns" },
      ],
      saveTo: { klass: "conversation", attribute: "caStepValue" },
      understandIntents,
    },
    {
      channel: "whatsapp",
      intents: [{ intent: "contact_human_agent", dialogId: "human" }],
      ...rest,
      dialogs: [landing("track"), landing("returns"), landing("human")],
    },
  );
}

const agentIntent = () => keywordIntents({ agent: "contact_human_agent", return: "get_refund" });

describe("list selector", () => {
  it("sends a list with its button label and rows", () => {
    const effects = new Conversation(list()).start();
    expect(messages(effects)).toEqual([
      {
        kind: "list",
        text: "How can we help?",
        buttonLabel: "Options",
        options: [
          { id: "track", label: "Track my order", description: "Where is my parcel?" },
          { id: "returns", label: "Returns" },
        ],
      },
    ]);
  });

  it("redirects to the chosen row's dialog and saves its label", () => {
    const conversation = new Conversation(list());
    conversation.start();
    const effects = conversation.choose("returns");
    expect(conversation.attributes).toEqual({ "conversation.caStepValue": "Returns" });
    expect(texts(effects)).toEqual(["in returns"]);
  });

  it("takes a row typed by number or words", () => {
    const byNumber = new Conversation(list());
    byNumber.start();
    expect(texts(byNumber.say("1"))).toEqual(["in track"]);
    const byWords = new Conversation(list());
    byWords.start();
    expect(texts(byWords.say("track"))).toEqual(["in track"]);
  });

  it("sends the list again when the reply picks no row", () => {
    const conversation = new Conversation(list());
    conversation.start();
    expect(messages(conversation.say("hmm"))).toEqual([
      expect.objectContaining({
        kind: "list",
        text: "Please choose one of the options.",
        buttonLabel: "Options",
      }),
    ]);
  });

  it("follows a mapped intent in typed words that pick no row", () => {
    const conversation = new Conversation(list(true), { detectIntent: agentIntent().detectIntent });
    conversation.start();
    const effects = conversation.say("let me talk to an agent");
    expect(texts(effects)).toEqual(["in human"]);
    expect(effectsOf(effects, "attribute.set")).toEqual([]);
  });

  it("prefers a row over an intent when the words pick one", () => {
    const detector = agentIntent();
    const conversation = new Conversation(list(true), { detectIntent: detector.detectIntent });
    conversation.start();
    expect(texts(conversation.say("Returns"))).toEqual(["in returns"]);
    expect(detector.calls).toEqual([]);
  });

  it("asks again when the words pick no row and no mapped intent", () => {
    const conversation = new Conversation(list(true), { detectIntent: agentIntent().detectIntent });
    conversation.start();
    expect(texts(conversation.say("I want to return this"))).toEqual(["Please choose one of the options."]);
  });

  it("looks for no intent unless asked to, or on Lite", () => {
    const detector = agentIntent();
    const off = new Conversation(list(false), { detectIntent: detector.detectIntent });
    off.start();
    expect(texts(off.say("agent please"))).toEqual(["Please choose one of the options."]);
    const lite = new Conversation(list(true, { type: "lite" }), { detectIntent: detector.detectIntent });
    lite.start();
    expect(texts(lite.say("agent please"))).toEqual(["Please choose one of the options."]);
    expect(detector.calls).toEqual([]);
  });
});
