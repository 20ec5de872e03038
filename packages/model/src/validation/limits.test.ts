import { describe, expect, it } from "vitest";
import { assistant, complete, dialog, listSelector, problemsCoded, welcome } from "./test-assistants.ts";

describe("list selector options", () => {
  it("are at most 10, and the message names the limit and the count", () => {
    const targets = Array.from({ length: 12 }, () => "complete");
    const definition = assistant({
      channel: "whatsapp",
      dialogs: [welcome([], listSelector("topics", targets)), complete()],
    });
    expect(problemsCoded(definition, "too_many_list_options")).toEqual([
      {
        path: "/dialogs/0/end/options",
        code: "too_many_list_options",
        severity: "error",
        message: 'In dialog "Welcome": A list selector allows at most 10 options; this one has 12.',
      },
    ]);
  });

  it("may be exactly 10", () => {
    const targets = Array.from({ length: 10 }, () => "complete");
    const definition = assistant({
      channel: "whatsapp",
      dialogs: [welcome([], listSelector("topics", targets)), complete(), dialog("spare", "Spare")],
    });
    expect(problemsCoded(definition, "too_many_list_options")).toEqual([]);
  });
});
