import { describe, expect, it } from "vitest";
import {
  assistant,
  branch,
  buttonQuestion,
  complete,
  conditionalBranch,
  dialog,
  navigationButtons,
  objectSelector,
  problemsCoded,
  redirect,
  runWorkflow,
  sendMessage,
  textQuestion,
  welcome,
} from "./test-assistants.ts";

describe("endless loops", () => {
  it("are cycles of redirects with nothing that waits for the customer, reported once with their dialogs", () => {
    const definition = assistant({
      dialogs: [
        welcome([], redirect("welcome-end", "a")),
        dialog("a", "A", [sendMessage("a-says")], redirect("a-end", "b")),
        dialog("b", "B", [runWorkflow("b-works")], redirect("b-end", "a")),
        complete(),
      ],
    });
    expect(problemsCoded(definition, "endless_loop")).toEqual([
      {
        path: "/dialogs/1/end/dialogId",
        code: "endless_loop",
        severity: "error",
        message:
          'These dialogs redirect to one another ("A" → "B" → "A") without ever waiting for the customer, so the conversation would loop forever. Add a question or another interaction that waits for a reply, or end the loop with a transfer.',
      },
    ]);
  });

  it("include a dialog that redirects to itself", () => {
    const definition = assistant({
      dialogs: [welcome([sendMessage("hi")], redirect("again", "welcome")), complete()],
    });
    const [problem] = problemsCoded(definition, "endless_loop");
    expect(problem?.path).toBe("/dialogs/0/end/dialogId");
    expect(problem?.message).toContain('Dialog "Welcome" redirects to itself');
  });

  it("follow redirects of branch paths that do not wait", () => {
    const definition = assistant({
      dialogs: [
        welcome(
          [conditionalBranch("route", [branch("vip", { redirectTo: "welcome" })])],
          redirect("w-end", "complete"),
        ),
        complete(),
      ],
    });
    expect(problemsCoded(definition, "endless_loop")[0]?.path).toBe(
      "/dialogs/0/interactions/0/branches/0/redirectTo",
    );
  });

  it("follow an object selector's redirects for customers who are not signed in", () => {
    const definition = assistant({
      dialogs: [welcome([objectSelector("order", "welcome", "complete")]), complete()],
    });
    expect(problemsCoded(definition, "endless_loop")[0]?.path).toBe(
      "/dialogs/0/interactions/0/notAuthenticatedRedirect",
    );
  });

  it("are not reported when a question waits for the customer on the way", () => {
    for (const waiting of [textQuestion("ask"), buttonQuestion("choose")]) {
      const definition = assistant({
        dialogs: [welcome([waiting], redirect("again", "welcome")), complete()],
      });
      expect(problemsCoded(definition, "endless_loop")).toEqual([]);
    }
  });

  it("are not reported for menus: waiting end interactions such as navigation buttons", () => {
    const definition = assistant({
      dialogs: [welcome([], navigationButtons("menu", ["welcome", "complete"])), complete()],
    });
    expect(problemsCoded(definition, "endless_loop")).toEqual([]);
  });

  it("count an attribute question that skips itself when set as not waiting", () => {
    const skipping = {
      id: "team",
      kind: "attribute_question",
      prompt: "Which team?",
      attribute: { klass: "conversation", attribute: "assignedTeams" },
      values: ["CX", "Sales"],
      skipIfSet: true,
    };
    const definition = assistant({
      dialogs: [welcome([skipping], redirect("again", "welcome")), complete()],
    });
    expect(problemsCoded(definition, "endless_loop")).toHaveLength(1);
  });

  it("are not reported when only one branch path waits before looping back", () => {
    const definition = assistant({
      dialogs: [
        welcome(
          [
            conditionalBranch("route", [
              branch("ask", { interactions: [textQuestion("why")], redirectTo: "welcome" }),
            ]),
          ],
          redirect("w-end", "complete"),
        ),
        complete(),
      ],
    });
    expect(problemsCoded(definition, "endless_loop")).toEqual([]);
  });
});
