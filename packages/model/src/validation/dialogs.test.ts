import { describe, expect, it } from "vitest";
import {
  assistant,
  branch,
  complete,
  conditionalBranch,
  dialog,
  problemsCoded,
  redirect,
  sendMessage,
  transfer,
  welcome,
} from "./test-assistants.ts";

describe("the Welcome dialog", () => {
  it("must come first", () => {
    const definition = assistant({
      dialogs: [dialog("intro", "Intro", [], redirect("intro-end", "welcome")), welcome(), complete()],
    });
    const [problem] = problemsCoded(definition, "missing_welcome_dialog");
    expect(problem).toMatchObject({ path: "/dialogs/0/name", severity: "error" });
    expect(problem?.message).toContain("move it to the top");
  });

  it("must exist", () => {
    const definition = assistant({ dialogs: [dialog("start", "Start"), complete()] });
    expect(problemsCoded(definition, "missing_welcome_dialog")).toHaveLength(1);
  });
});

describe("the Complete Assistant dialog", () => {
  it("is only a warning when missing", () => {
    const definition = assistant({ dialogs: [welcome([], transfer("welcome-end"))] });
    expect(problemsCoded(definition, "missing_complete_assistant_dialog")).toEqual([
      expect.objectContaining({ path: "/dialogs", severity: "warning" }),
    ]);
  });
});

describe("unlinked dialogs", () => {
  it("are dialogs without an end interaction: the red anchor", () => {
    const definition = assistant({ dialogs: [welcome([sendMessage("hello")], null), complete()] });
    expect(problemsCoded(definition, "unlinked_dialog")).toEqual([
      {
        path: "/dialogs/0",
        code: "unlinked_dialog",
        severity: "error",
        message:
          'Dialog "Welcome" has no end interaction, so it leads nowhere; add one (for example a redirect or a transfer to an agent).',
      },
    ]);
  });

  it("do not include a dialog whose conditional branch redirects on every path", () => {
    const everyPathRedirects = conditionalBranch("route", [branch("vip", { redirectTo: "complete" })], {
      redirectTo: "complete",
    });
    const definition = assistant({ dialogs: [welcome([everyPathRedirects], null), complete()] });
    expect(problemsCoded(definition, "unlinked_dialog")).toEqual([]);
  });
});

describe("dialog ids", () => {
  it("must be unique", () => {
    const definition = assistant({ dialogs: [welcome(), complete(), dialog("complete", "Again")] });
    expect(problemsCoded(definition, "duplicate_dialog_id")).toEqual([
      expect.objectContaining({ path: "/dialogs/2/id", severity: "error" }),
    ]);
  });
});
