import { describe, expect, it } from "vitest";
import { buildAssistant, Conversation, dialog, effectOf, landing, texts } from "../../test/builders.ts";

describe("redirect to dialog", () => {
  it("continues in the named dialog", () => {
    const assistant = buildAssistant({
      dialogs: [
        dialog("welcome", [{ id: "hi", kind: "send_message", text: "Hi!" }], {
          id: "go",
          kind: "redirect",
          dialogId: "next",
        }),
        landing("next"),
      ],
    });
    expect(texts(new Conversation(assistant).start())).toEqual(["Hi!", "in next"]);
  });

  it("can come back to a dialog seen before, once the customer answered", () => {
    const assistant = buildAssistant({
      dialogs: [
        dialog("menu", [{ id: "ask", kind: "text_question", prompt: "Anything else?" }], {
          id: "again",
          kind: "redirect",
          dialogId: "menu",
        }),
      ],
    });
    const conversation = new Conversation(assistant);
    conversation.start();
    expect(texts(conversation.say("yes"))).toEqual(["Anything else?"]);
    expect(texts(conversation.say("still yes"))).toEqual(["Anything else?"]);
  });

  it("hands over to an agent when the dialog does not exist (an unvalidated definition)", () => {
    const assistant = buildAssistant({
      dialogs: [dialog("welcome", [], { id: "go", kind: "redirect", dialogId: "gone" })],
    });
    const conversation = new Conversation(assistant);
    const effects = conversation.start();
    expect(conversation.status).toBe("transferred");
    expect(effectOf(effects, "conversation.transfer").reason).toContain("gone");
  });
});
