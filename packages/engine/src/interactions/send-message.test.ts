import { describe, expect, it } from "vitest";
import { Conversation, messages, oneDialog, texts } from "../../test/builders.ts";

const picture = { url: "https://example.com/map.png", mediaType: "image/png" } as const;

describe("send message", () => {
  it("sends its text and moves on to the next interaction without waiting", () => {
    const assistant = oneDialog(
      [
        { id: "hello", kind: "send_message", text: "Hello!" },
        { id: "more", kind: "send_message", text: "We are here to help." },
      ],
      { id: "end", kind: "transfer" },
    );
    const conversation = new Conversation(assistant);
    const effects = conversation.start();
    expect(texts(effects)).toEqual(["Hello!", "We are here to help."]);
    expect(conversation.status).toBe("transferred");
  });

  it("fills placeholders from attributes and snippets, and leaves nothing for unknown ones", () => {
    const assistant = oneDialog(
      [
        {
          id: "hello",
          kind: "send_message",
          text: "Hi {{customer.name}} from {{company.name}}! {{snippet.hours}} {{conversation.missing}}{{nonsense}}",
        },
      ],
      { id: "end", kind: "transfer" },
    );
    const conversation = new Conversation(assistant, {
      attributes: { customer: { name: "Ada" }, company: { name: "Acme" } },
      snippets: { hours: { en: "We answer 9 to 5." } },
    });
    expect(texts(conversation.start())[0]).toBe("Hi Ada from Acme! We answer 9 to 5. ");
  });

  it("sends attachments after the text on WhatsApp", () => {
    const assistant = oneDialog(
      [{ id: "hello", kind: "send_message", text: "Our store:", attachments: [picture] }],
      { id: "end", kind: "transfer" },
      { channel: "whatsapp" },
    );
    const sent = messages(new Conversation(assistant).start());
    expect(sent[0]).toEqual({ kind: "text", text: "Our store:" });
    expect(sent[1]).toEqual({ kind: "attachment", attachment: picture });
  });

  it("sends the text alone where attachments are not supported", () => {
    const assistant = oneDialog(
      [{ id: "hello", kind: "send_message", text: "Our store:", attachments: [picture] }],
      { id: "end", kind: "transfer" },
    );
    const sent = messages(new Conversation(assistant).start());
    expect(sent.filter((message) => message.kind === "attachment")).toEqual([]);
    expect(sent[0]).toEqual({ kind: "text", text: "Our store:" });
  });
});
