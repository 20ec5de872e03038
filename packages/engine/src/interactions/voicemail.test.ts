import { describe, expect, it } from "vitest";
import { Conversation, effectOf, effectsOf, messages, oneDialog } from "../../test/builders.ts";

describe("send to voicemail", () => {
  function callAfterHours() {
    return oneDialog(
      [{ id: "sorry", kind: "play_prompt", text: "We are closed." }],
      {
        id: "voicemail",
        kind: "voicemail",
        prompt: "Leave your name and number after the tone.",
        maxSeconds: 90,
      },
      {
        channel: "voice",
        type: "lite",
        settings: { volumeControl: { agentMissed: { enabled: true } } },
      },
    );
  }

  it("records a message and hands it to the team", () => {
    const conversation = new Conversation(callAfterHours());
    const effects = conversation.start();
    expect(messages(effects)).toEqual([
      { kind: "voice.say", text: "We are closed." },
      { kind: "voice.record", prompt: "Leave your name and number after the tone.", maxSeconds: 90 },
    ]);
    expect(effectOf(effects, "voicemail.record")).toEqual({ type: "voicemail.record", maxSeconds: 90 });
    expect(conversation.status).toBe("transferred");
    expect(effectOf(effects, "conversation.transfer").reason).toBe("voicemail");
  });

  it("starts no timers: voice has no agent-missed follow-up", () => {
    const conversation = new Conversation(callAfterHours());
    const effects = conversation.start();
    expect(effectsOf(effects, "timer.schedule")).toEqual([]);
    expect(conversation.timers.size).toBe(0);
  });

  it("uses the default prompt and length", () => {
    const assistant = oneDialog(
      [],
      { id: "voicemail", kind: "voicemail" },
      { channel: "voice", type: "lite" },
    );
    expect(messages(new Conversation(assistant).start())).toEqual([
      { kind: "voice.record", prompt: "Please leave a message after the tone.", maxSeconds: 120 },
    ]);
  });
});
