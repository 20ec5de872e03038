import { describe, expect, it } from "vitest";
import {
  assistant,
  branch,
  businessSchedule,
  complete,
  conditionalBranch,
  problemsCoded,
  sendMessage,
  textQuestion,
  welcome,
} from "./test-assistants.ts";

const everyPathRedirects = () =>
  conditionalBranch("route", [branch("vip", { redirectTo: "complete" })], { redirectTo: "complete" });

describe("interactions after a branch that always redirects", () => {
  it("are unreachable when more interactions follow", () => {
    const definition = assistant({
      dialogs: [welcome([everyPathRedirects(), sendMessage("never")], null), complete()],
    });
    expect(problemsCoded(definition, "unreachable_after_branch")).toEqual([
      expect.objectContaining({ path: "/dialogs/0/interactions/1", severity: "error" }),
    ]);
  });

  it("are unreachable when an end interaction follows", () => {
    const definition = assistant({ dialogs: [welcome([everyPathRedirects()]), complete()] });
    const [problem] = problemsCoded(definition, "unreachable_after_branch");
    expect(problem?.path).toBe("/dialogs/0/end");
    expect(problem?.message).toContain(
      "every branch of the conditional branch before it, and its otherwise path, redirect",
    );
  });

  it("are fine when there is no otherwise path, since unmatched customers go on", () => {
    const definition = assistant({
      dialogs: [
        welcome([
          conditionalBranch("route", [branch("vip", { redirectTo: "complete" })]),
          sendMessage("next"),
        ]),
        complete(),
      ],
    });
    expect(problemsCoded(definition, "unreachable_after_branch")).toEqual([]);
  });

  it("are fine when one path continues", () => {
    const definition = assistant({
      dialogs: [
        welcome([
          conditionalBranch("route", [branch("vip", { redirectTo: "complete" })], { interactions: [] }),
        ]),
        complete(),
      ],
    });
    expect(problemsCoded(definition, "unreachable_after_branch")).toEqual([]);
  });

  it("include a business schedule whose both paths redirect", () => {
    const definition = assistant({
      dialogs: [
        welcome([
          businessSchedule(
            "hours",
            { interactions: [], redirectTo: "complete" },
            { interactions: [], redirectTo: "complete" },
          ),
          textQuestion("after"),
        ]),
        complete(),
      ],
    });
    expect(problemsCoded(definition, "unreachable_after_branch")[0]?.path).toBe("/dialogs/0/interactions/1");
  });

  it("are found inside nested paths too, before the path's own redirect", () => {
    const nested = conditionalBranch("outer", [
      branch("inner-path", { interactions: [everyPathRedirects()], redirectTo: "welcome" }),
    ]);
    const definition = assistant({ dialogs: [welcome([nested]), complete()] });
    expect(problemsCoded(definition, "unreachable_after_branch")[0]?.path).toBe(
      "/dialogs/0/interactions/0/branches/0/redirectTo",
    );
  });
});

describe("business schedule paths", () => {
  it("hold only the kinds spec 04 lists", () => {
    const definition = assistant({
      dialogs: [
        welcome([
          businessSchedule(
            "hours",
            { interactions: [sendMessage("open"), conditionalBranch("inner", [branch("b", {})])] },
            { interactions: [] },
          ),
        ]),
        complete(),
      ],
    });
    expect(problemsCoded(definition, "kind_not_allowed_in_business_schedule")).toEqual([
      expect.objectContaining({
        path: "/dialogs/0/interactions/0/duringHours/interactions/1",
        severity: "error",
      }),
    ]);
  });

  it("accept a redirect at the end of a path", () => {
    const definition = assistant({
      dialogs: [
        welcome([
          businessSchedule("hours", { interactions: [], redirectTo: "complete" }, { interactions: [] }),
        ]),
        complete(),
      ],
    });
    expect(problemsCoded(definition, "kind_not_allowed_in_business_schedule")).toEqual([]);
  });
});
