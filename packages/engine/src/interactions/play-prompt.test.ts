import { describe, expect, it } from "vitest";
import { Conversation, messages, oneDialog } from "../../test/builders.ts";

describe("play prompt", () => {
  it("speaks its text, or plays its audio, and moves on", () => {
    const assistant = oneDialog(
      [
        { id: "hello", kind: "play_prompt", text: "Thanks for calling {{company.name}}." },
        { id: "music", kind: "play_prompt", text: "Please hold.", audioUrl: "https://example.com/hold.mp3" },
      ],
      { id: "end", kind: "transfer" },
      { channel: "voice", type: "lite" },
    );
    const conversation = new Conversation(assistant, { attributes: { company: { name: "Acme" } } });
    expect(messages(conversation.start())).toEqual([
      { kind: "voice.say", text: "Thanks for calling Acme." },
      { kind: "voice.say", text: "Please hold.", audioUrl: "https://example.com/hold.mp3" },
    ]);
    expect(conversation.status).toBe("transferred");
  });
});
