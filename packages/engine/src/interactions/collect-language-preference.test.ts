import { describe, expect, it } from "vitest";
import { Conversation, messages, oneDialog, texts } from "../../test/builders.ts";

function languageMenu(after: "greeting" | "broken" = "greeting") {
  return oneDialog(
    [
      {
        id: "language",
        kind: "collect_language_preference",
        prompt: "For English press 1. Para español, oprima 2.",
        options: [
          { digits: "1", language: "en", label: "English" },
          { digits: "2", language: "es-ES", label: "Español" },
        ],
      },
      ...(after === "greeting"
        ? [{ id: "greeting", kind: "play_prompt", text: "{{snippet.greeting}}" } as const]
        : [
            {
              id: "reason",
              kind: "collect_customer_input",
              prompt: "{{snippet.greeting}}",
              mode: "speech",
            } as const,
            { id: "broken", kind: "business_schedule", scheduleId: "unknown" } as const,
          ]),
    ],
    { id: "end", kind: "transfer" },
    { channel: "voice", type: "lite" },
  );
}

const snippets = { greeting: { en: "How can we help?", es: "¿En qué podemos ayudarle?" } };

describe("collect language preference", () => {
  it("asks for the language with a one-digit gather", () => {
    expect(messages(new Conversation(languageMenu()).start())).toEqual([
      {
        kind: "voice.gather",
        prompt: "For English press 1. Para español, oprima 2.",
        mode: "digits_or_speech",
        maxDigits: 1,
      },
    ]);
  });

  it("switches the conversation to the chosen language and saves it", () => {
    const conversation = new Conversation(languageMenu(), { snippets });
    conversation.start();
    const effects = conversation.send({ type: "customer.input", digits: "2" });
    expect(conversation.attributes["conversation.defaultLanguage"]).toBe("es-ES");
    expect(texts(effects)).toEqual(["¿En qué podemos ayudarle?"]);
  });

  it("takes the language's name when spoken, without accents or case", () => {
    const conversation = new Conversation(languageMenu(), { snippets });
    conversation.start();
    expect(texts(conversation.send({ type: "customer.input", speech: "espanol" }))).toEqual([
      "¿En qué podemos ayudarle?",
    ]);
  });

  it("speaks the engine's own sentences in the chosen language too", () => {
    const conversation = new Conversation(languageMenu("broken"), { snippets });
    conversation.start();
    conversation.send({ type: "customer.input", digits: "2" });
    const effects = conversation.send({ type: "customer.input", speech: "mi pedido" });
    expect(texts(effects)).toEqual(["Te comunico con una persona de nuestro equipo."]);
    expect(conversation.status).toBe("transferred");
  });

  it("asks again when the answer is no option", () => {
    const conversation = new Conversation(languageMenu(), { snippets });
    conversation.start();
    expect(texts(conversation.send({ type: "customer.input", digits: "7" }))).toEqual([
      "For English press 1. Para español, oprima 2.",
    ]);
    expect(conversation.attributes).toEqual({});
    expect(texts(conversation.send({ type: "customer.input", digits: "1" }))).toEqual(["How can we help?"]);
  });
});
