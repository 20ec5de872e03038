import { describe, expect, it } from "vitest";
import { Conversation, effectOf, effectsOf, oneDialog, texts } from "../../test/builders.ts";

function ending(message?: string) {
  return oneDialog(
    [{ id: "ask", kind: "text_question", prompt: "Anything else?" }],
    { id: "bye", kind: "end_conversation", ...(message ? { message } : {}) },
    { settings: { volumeControl: { abandon: { enabled: true } } } },
  );
}

describe("end conversation", () => {
  it("says goodbye, ends the conversation and sets the status to ended", () => {
    const conversation = new Conversation(ending("Thanks {{customer.name}}, bye!"), {
      attributes: { customer: { name: "Ada" } },
    });
    conversation.start();
    const effects = conversation.say("no");
    expect(texts(effects)).toEqual(["Thanks Ada, bye!"]);
    expect(effectOf(effects, "status.set")).toMatchObject({ status: "ended" });
    expect(effectOf(effects, "conversation.end")).toEqual({
      type: "conversation.end",
      reason: "end conversation",
    });
    expect(effectsOf(effects, "conversation.transfer")).toEqual([]);
    expect(conversation.status).toBe("ended");
  });

  it("ends without a message when it has none, and cancels the customer's timers", () => {
    const conversation = new Conversation(ending());
    conversation.start();
    const effects = conversation.say("no");
    expect(texts(effects)).toEqual([]);
    expect(conversation.timers.size).toBe(0);
  });

  it("does not answer the customer afterwards", () => {
    const conversation = new Conversation(ending());
    conversation.start();
    conversation.say("no");
    expect(conversation.say("wait, one more thing")).toEqual([]);
    expect(conversation.status).toBe("ended");
  });
});
