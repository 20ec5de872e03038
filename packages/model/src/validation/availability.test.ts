import { describe, expect, it } from "vitest";
import {
  aiResponse,
  assistant,
  businessSchedule,
  buttonQuestion,
  complete,
  endConversation,
  problemsCoded,
  runWorkflow,
  sendMessage,
  welcome,
} from "./test-assistants.ts";

describe("interactions by channel and type", () => {
  it("refuses a button question on SMS, naming where it works", () => {
    const definition = assistant({
      channel: "sms",
      dialogs: [welcome([buttonQuestion("choice")]), complete()],
    });
    expect(problemsCoded(definition, "interaction_unavailable_on_channel")).toEqual([
      {
        path: "/dialogs/0/interactions/0",
        code: "interaction_unavailable_on_channel",
        severity: "error",
        message:
          'In dialog "Welcome": Button question is not available on SMS assistants; it works on web chat.',
      },
    ]);
  });

  it("checks interactions nested in branches and schedules too", () => {
    const definition = assistant({
      type: "lite",
      dialogs: [
        welcome([businessSchedule("hours", { interactions: [runWorkflow("lookup")] }, { interactions: [] })]),
        complete(),
      ],
    });
    expect(problemsCoded(definition, "interaction_unavailable_for_type")).toEqual([
      expect.objectContaining({
        path: "/dialogs/0/interactions/0/duringHours/interactions/0",
        severity: "error",
      }),
    ]);
  });

  it("refuses an AI response end interaction on Lite and on Pro", () => {
    for (const type of ["lite", "pro"]) {
      const definition = assistant({ type, dialogs: [welcome([], aiResponse("answer")), complete()] });
      const [problem] = problemsCoded(definition, "interaction_unavailable_for_type");
      expect(problem?.path).toBe("/dialogs/0/end");
      expect(problem?.message).toContain("it needs Premium");
    }
  });

  it("refuses end conversation on voice", () => {
    const definition = assistant({
      channel: "voice",
      type: "lite",
      dialogs: [welcome([], endConversation("bye")), complete()],
    });
    expect(problemsCoded(definition, "interaction_unavailable_on_channel")).toContainEqual(
      expect.objectContaining({ path: "/dialogs/0/end" }),
    );
  });
});

describe("assistant type by channel", () => {
  it("requires voice assistants to be Lite", () => {
    const definition = assistant({ channel: "voice", type: "premium", dialogs: [welcome(), complete()] });
    expect(problemsCoded(definition, "type_unavailable_on_channel")).toEqual([
      {
        path: "/type",
        code: "type_unavailable_on_channel",
        severity: "error",
        message: "Voice assistants must be Lite; this one is Premium.",
      },
    ]);
  });
});

describe("attachments", () => {
  const withAttachment = {
    ...sendMessage("photo", "Here is how to find your order number."),
    attachments: [{ url: "https://example.com/order.png", mediaType: "image/png" }],
  };

  it("are refused outside WhatsApp", () => {
    const definition = assistant({ channel: "chat", dialogs: [welcome([withAttachment]), complete()] });
    expect(problemsCoded(definition, "attachments_unavailable_on_channel")).toEqual([
      expect.objectContaining({ path: "/dialogs/0/interactions/0/attachments", severity: "error" }),
    ]);
  });

  it("are accepted on WhatsApp", () => {
    const definition = assistant({ channel: "whatsapp", dialogs: [welcome([withAttachment]), complete()] });
    expect(problemsCoded(definition, "attachments_unavailable_on_channel")).toEqual([]);
  });
});

describe("volume control availability", () => {
  function withVolumeControl(fields: Record<string, unknown>, volumeControl: Record<string, unknown>) {
    return assistant({ ...fields, settings: { volumeControl } });
  }

  it("refuses abandon on voice", () => {
    const definition = withVolumeControl({ channel: "voice", type: "lite" }, { abandon: { enabled: true } });
    expect(problemsCoded(definition, "volume_control_unavailable")).toEqual([
      expect.objectContaining({ path: "/settings/volumeControl/abandon/enabled", severity: "error" }),
    ]);
  });

  it("refuses marking abandoned conversations done on Lite", () => {
    const definition = withVolumeControl(
      { type: "lite" },
      { abandon: { enabled: true, action: "mark_done" } },
    );
    const [problem] = problemsCoded(definition, "volume_control_unavailable");
    expect(problem?.path).toBe("/settings/volumeControl/abandon/action");
    expect(problem?.message).toContain("not available on Lite assistants; it needs Premium or Pro");
  });

  it("accepts marking abandoned conversations done on Premium", () => {
    const definition = withVolumeControl(
      { type: "premium" },
      { abandon: { enabled: true, action: "mark_done" } },
    );
    expect(problemsCoded(definition, "volume_control_unavailable")).toEqual([]);
  });

  it("refuses agent missed outside web chat", () => {
    const definition = withVolumeControl({ channel: "whatsapp" }, { agentMissed: { enabled: true } });
    expect(problemsCoded(definition, "volume_control_unavailable")).toEqual([
      expect.objectContaining({ path: "/settings/volumeControl/agentMissed/enabled" }),
    ]);
  });

  it("refuses mark done when no follow-up channel is chosen on Lite", () => {
    const definition = withVolumeControl(
      { type: "lite" },
      { agentMissed: { enabled: true, markDoneIfNoChoice: true } },
    );
    expect(problemsCoded(definition, "volume_control_unavailable")).toEqual([
      expect.objectContaining({ path: "/settings/volumeControl/agentMissed/markDoneIfNoChoice" }),
    ]);
  });

  it("ignores settings that are switched off", () => {
    const definition = withVolumeControl(
      { channel: "sms", type: "lite" },
      {
        agentMissed: { enabled: false, markDoneIfNoChoice: true },
        abandon: { enabled: false, action: "mark_done" },
      },
    );
    expect(problemsCoded(definition, "volume_control_unavailable")).toEqual([]);
  });
});
