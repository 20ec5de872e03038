import { describe, expect, it } from "vitest";
import { Conversation, effectsOf, landing, messages, oneDialog, texts } from "../../test/builders.ts";

function menu(saveTo = true) {
  return oneDialog(
    [
      {
        id: "menu",
        kind: "collect_customer_input",
        prompt: "For orders press 1 or say orders. For billing press 2 or say billing.",
        mode: "digits_or_speech",
        maxDigits: 1,
        options: [
          { id: "orders", digits: "1", phrases: ["orders", "my order"], dialogId: "orders" },
          { id: "billing", digits: "2", phrases: ["billing", "invoice"], dialogId: "billing" },
        ],
        ...(saveTo ? { saveTo: { klass: "conversation", attribute: "menuChoice" } } : {}),
      },
      { id: "other", kind: "play_prompt", text: "Let me find someone for {{conversation.menuChoice}}." },
    ],
    { id: "end", kind: "transfer" },
    { channel: "voice", type: "lite", dialogs: [landing("orders"), landing("billing")] },
  );
}

describe("collect customer input", () => {
  it("gathers digits or speech after its prompt and re-prompts after 10 seconds", () => {
    const conversation = new Conversation(menu());
    const effects = conversation.start();
    expect(messages(effects)).toEqual([
      {
        kind: "voice.gather",
        prompt: "For orders press 1 or say orders. For billing press 2 or say billing.",
        mode: "digits_or_speech",
        maxDigits: 1,
      },
    ]);
    expect(conversation.timers.get("voice_reprompt")?.at).toBe(conversation.environment.now + 10_000);
    expect(conversation.timers.has("reminder")).toBe(false);
  });

  it("follows the option the caller keyed", () => {
    const conversation = new Conversation(menu());
    conversation.start();
    const effects = conversation.send({ type: "customer.input", digits: "2" });
    expect(texts(effects)).toEqual(["in billing"]);
    expect(conversation.attributes["conversation.menuChoice"]).toBe("2");
  });

  it("follows the option whose words the caller said", () => {
    const conversation = new Conversation(menu());
    conversation.start();
    expect(
      texts(conversation.send({ type: "customer.input", speech: "It's about My Order, please" })),
    ).toEqual(["in orders"]);
    expect(conversation.attributes["conversation.menuChoice"]).toBe("It's about My Order, please");
  });

  it("takes typed text as keys or speech (the test console)", () => {
    const keyed = new Conversation(menu());
    keyed.start();
    expect(texts(keyed.say(" 1 "))).toEqual(["in orders"]);
    const spoken = new Conversation(menu());
    spoken.start();
    expect(texts(spoken.say("invoice question"))).toEqual(["in billing"]);
  });

  it("saves input that matches no option and goes on", () => {
    const conversation = new Conversation(menu());
    conversation.start();
    const effects = conversation.send({ type: "customer.input", digits: "9" });
    expect(texts(effects)).toEqual(["Let me find someone for 9."]);
    expect(conversation.status).toBe("transferred");
  });

  it("goes on without saving when no attribute is chosen", () => {
    const conversation = new Conversation(menu(false));
    conversation.start();
    const effects = conversation.send({ type: "customer.input", speech: "something else" });
    expect(effectsOf(effects, "attribute.set")).toEqual([]);
    expect(texts(effects)).toEqual(["Let me find someone for ."]);
  });

  it("never takes a phrase that has no words (only emoji or punctuation) as said", () => {
    const assistant = oneDialog(
      [
        {
          id: "menu",
          kind: "collect_customer_input",
          prompt: "Say something",
          mode: "speech",
          options: [{ id: "thumbs", phrases: ["👍", "?!"], dialogId: "orders" }],
        },
        { id: "other", kind: "play_prompt", text: "Nothing matched." },
      ],
      { id: "end", kind: "transfer" },
      { channel: "voice", type: "lite", dialogs: [landing("orders")] },
    );
    const conversation = new Conversation(assistant);
    conversation.start();
    expect(texts(conversation.send({ type: "customer.input", speech: "I need billing" }))).toEqual([
      "Nothing matched.",
    ]);
  });

  it("matches phrases as whole words only", () => {
    const assistant = oneDialog(
      [
        {
          id: "menu",
          kind: "collect_customer_input",
          prompt: "Say billing or no",
          mode: "speech",
          options: [{ id: "refuse", phrases: ["no"], dialogId: "orders" }],
        },
        { id: "other", kind: "play_prompt", text: "Nothing matched." },
      ],
      { id: "end", kind: "transfer" },
      { channel: "voice", type: "lite", dialogs: [landing("orders")] },
    );
    const conversation = new Conversation(assistant);
    conversation.start();
    expect(texts(conversation.send({ type: "customer.input", speech: "I don't know" }))).toEqual([
      "Nothing matched.",
    ]);
  });

  it("asks again after silence instead of saving nothing", () => {
    const conversation = new Conversation(menu());
    conversation.start();
    const effects = conversation.send({ type: "customer.input", digits: "", speech: "  " });
    expect(messages(effects)).toEqual([expect.objectContaining({ kind: "voice.gather" })]);
    expect(conversation.attributes).toEqual({});
    expect(texts(conversation.send({ type: "customer.input", digits: "1" }))).toEqual(["in orders"]);
  });

  it("ignores events that are not input", () => {
    const conversation = new Conversation(menu());
    conversation.start();
    expect(conversation.choose("orders")).toEqual([]);
  });
});
