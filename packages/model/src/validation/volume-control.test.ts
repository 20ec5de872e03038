import { describe, expect, it } from "vitest";
import { assistant, problemsCoded } from "./test-assistants.ts";

describe("volume control timers", () => {
  it("requires the abandon timer to be longer than the reminder when both are on", () => {
    const definition = assistant({
      settings: {
        volumeControl: { reminder: { afterMinutes: 10 }, abandon: { enabled: true, afterMinutes: 10 } },
      },
    });
    expect(problemsCoded(definition, "abandon_not_after_reminder")).toEqual([
      {
        path: "/settings/volumeControl/abandon/afterMinutes",
        code: "abandon_not_after_reminder",
        severity: "error",
        message:
          "A conversation can only be abandoned after the inactive customer reminder: abandon after 10 min must be longer than the reminder's 10 min.",
      },
    ]);
  });

  it("accepts a shorter abandon timer when the reminder is off", () => {
    const definition = assistant({
      settings: {
        volumeControl: {
          reminder: { enabled: false, afterMinutes: 20 },
          abandon: { enabled: true, afterMinutes: 10 },
        },
      },
    });
    expect(problemsCoded(definition, "abandon_not_after_reminder")).toEqual([]);
  });

  it("accepts the defaults with abandon switched on (reminder 5 min, abandon 10 min)", () => {
    const definition = assistant({ settings: { volumeControl: { abandon: { enabled: true } } } });
    expect(problemsCoded(definition, "abandon_not_after_reminder")).toEqual([]);
  });
});
