import { describe, expect, it } from "vitest";
import {
  assistant,
  complete,
  dialog,
  problemsCoded,
  redirect,
  textQuestion,
  welcome,
} from "./test-assistants.ts";

describe("unreachable dialogs", () => {
  it("are a warning, since rules can still start them", () => {
    const definition = assistant({ dialogs: [welcome(), complete(), dialog("orphan", "Orphan")] });
    expect(problemsCoded(definition, "unreachable_dialog")).toEqual([
      {
        path: "/dialogs/2",
        code: "unreachable_dialog",
        severity: "warning",
        message:
          'Dialog "Orphan" cannot be reached: no reachable dialog redirects to it and no intent leads to it. Only a rule could start it.',
      },
    ]);
  });

  it("include dialogs reached only from other unreachable dialogs", () => {
    const definition = assistant({
      dialogs: [welcome(), complete(), dialog("a", "A", [], redirect("a-end", "b")), dialog("b", "B")],
    });
    expect(problemsCoded(definition, "unreachable_dialog").map((problem) => problem.path)).toEqual([
      "/dialogs/2",
      "/dialogs/3",
    ]);
  });

  it("exclude intent targets and the no-intent behaviour target", () => {
    const definition = assistant({
      channel: "whatsapp",
      dialogs: [
        welcome([textQuestion("ask", { understandIntents: true })]),
        complete(),
        dialog("orders", "Orders"),
        dialog("fallback", "Fallback"),
      ],
      intents: [{ intent: "track_order", dialogId: "orders" }],
      settings: { behaviour: { noIntentMatch: { action: "redirect", dialogId: "fallback" } } },
    });
    expect(problemsCoded(definition, "unreachable_dialog")).toEqual([]);
  });
});
