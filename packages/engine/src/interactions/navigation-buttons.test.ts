import { describe, expect, it } from "vitest";
import {
  type AssistantSpec,
  Conversation,
  effectsOf,
  landing,
  messages,
  oneDialog,
  texts,
} from "../../test/builders.ts";

function navigation(rest: AssistantSpec = {}, saveTo = true) {
  return oneDialog(
    [],
    {
      id: "nav",
      kind: "navigation_buttons",
      prompt: "What is it about?",
      buttons: [
        { id: "sales", label: "Sales", dialogId: "sales" },
        { id: "support", label: "Support", dialogId: "support" },
      ],
      ...(saveTo ? { saveTo: { klass: "conversation", attribute: "topic" } } : {}),
    },
    { ...rest, dialogs: [landing("sales"), landing("support")] },
  );
}

describe("navigation buttons", () => {
  it("shows buttons and redirects to the dialog of the one pressed, saving its text", () => {
    const conversation = new Conversation(navigation());
    expect(messages(conversation.start())).toEqual([
      {
        kind: "buttons",
        text: "What is it about?",
        options: [
          { id: "sales", label: "Sales" },
          { id: "support", label: "Support" },
        ],
      },
    ]);
    const effects = conversation.choose("support");
    expect(conversation.attributes).toEqual({ "conversation.topic": "Support" });
    expect(texts(effects)).toEqual(["in support"]);
  });

  it("redirects without saving when no attribute is chosen", () => {
    const conversation = new Conversation(navigation({}, false));
    conversation.start();
    const effects = conversation.say("sales");
    expect(effectsOf(effects, "attribute.set")).toEqual([]);
    expect(texts(effects)).toEqual(["in sales"]);
  });

  it("takes the number or label typed, and asks again for anything else", () => {
    const conversation = new Conversation(navigation({ channel: "whatsapp" }));
    conversation.start();
    expect(texts(conversation.say("I'm lost"))).toEqual(["Please choose one of the options."]);
    expect(conversation.status).toBe("running");
    expect(texts(conversation.say("2"))).toEqual(["in support"]);
  });
});
