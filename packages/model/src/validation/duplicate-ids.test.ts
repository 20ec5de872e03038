import { describe, expect, it } from "vitest";
import {
  assistant,
  branch,
  buttonQuestion,
  complete,
  conditionalBranch,
  dialog,
  problemsCoded,
  sendMessage,
  transfer,
  welcome,
} from "./test-assistants.ts";

describe("interaction ids", () => {
  it("are unique across the whole assistant, nested and end interactions included", () => {
    const definition = assistant({
      dialogs: [
        welcome([
          sendMessage("hello"),
          conditionalBranch("route", [branch("vip", { interactions: [sendMessage("hello")] })]),
        ]),
        dialog("other", "Other", [], transfer("hello")),
        complete(),
      ],
    });
    expect(problemsCoded(definition, "duplicate_interaction_id").map((problem) => problem.path)).toEqual([
      "/dialogs/0/interactions/1/branches/0/interactions/0/id",
      "/dialogs/1/end/id",
    ]);
  });
});

describe("button and option ids", () => {
  it("are unique within one interaction", () => {
    const question = buttonQuestion("choose", ["Yes", "No"]);
    const buttons = question.buttons as { id: string }[];
    buttons[1] = { ...buttons[1], id: buttons[0]?.id ?? "" };
    const definition = assistant({ dialogs: [welcome([question]), complete()] });
    expect(problemsCoded(definition, "duplicate_option_id")).toEqual([
      expect.objectContaining({ path: "/dialogs/0/interactions/0/buttons/1/id", severity: "error" }),
    ]);
  });

  it("may repeat across interactions", () => {
    const first = buttonQuestion("first");
    const second = { ...buttonQuestion("second"), buttons: first.buttons };
    const definition = assistant({ dialogs: [welcome([first, second]), complete()] });
    expect(problemsCoded(definition, "duplicate_option_id")).toEqual([]);
  });
});

describe("keypad digits", () => {
  it("are unique within one voice menu", () => {
    const definition = assistant({
      channel: "voice",
      type: "lite",
      dialogs: [
        welcome([
          {
            id: "menu",
            kind: "collect_customer_input",
            prompt: "Press 1 or 1.",
            mode: "digits",
            options: [
              { id: "one", digits: "1", dialogId: "complete" },
              { id: "also-one", digits: "1", dialogId: "welcome" },
            ],
          },
        ]),
        complete(),
      ],
    });
    expect(problemsCoded(definition, "duplicate_keypad_digits")).toEqual([
      expect.objectContaining({ path: "/dialogs/0/interactions/0/options/1/digits" }),
    ]);
  });
});
