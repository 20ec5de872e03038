import { describe, expect, it } from "vitest";
import {
  aiResponse,
  articleDeflection,
  assistant,
  branch,
  businessSchedule,
  complete,
  conditionalBranch,
  dialog,
  listSelector,
  navigationButtons,
  objectSelector,
  problemsCoded,
  redirect,
  requestFeedback,
  runWorkflow,
  welcome,
} from "./test-assistants.ts";

function missingDialogPaths(definition: unknown): string[] {
  return problemsCoded(definition, "redirect_to_missing_dialog").map((problem) => problem.path);
}

describe("redirects to missing dialogs", () => {
  it("are found in a redirect end interaction", () => {
    const definition = assistant({ dialogs: [welcome([], redirect("go", "nowhere")), complete()] });
    expect(problemsCoded(definition, "redirect_to_missing_dialog")).toEqual([
      {
        path: "/dialogs/0/end/dialogId",
        code: "redirect_to_missing_dialog",
        severity: "error",
        message:
          'In dialog "Welcome": This redirects to dialog "nowhere", but no dialog of this assistant has that id.',
      },
    ]);
  });

  it("are found in branch and schedule paths, buttons, list options and object selectors", () => {
    const definition = assistant({
      channel: "whatsapp",
      dialogs: [
        welcome(
          [
            conditionalBranch("check", [branch("vip", { redirectTo: "gone-1" })], { redirectTo: "complete" }),
            businessSchedule("hours", { interactions: [], redirectTo: "gone-2" }, { interactions: [] }),
            objectSelector("order", "gone-3", "complete"),
          ],
          navigationButtons("menu", ["complete", "gone-4"]),
        ),
        dialog("topics", "Topics", [], listSelector("list", ["gone-5"])),
        complete(),
      ],
    });
    expect(missingDialogPaths(definition)).toEqual([
      "/dialogs/0/end/buttons/1/dialogId",
      "/dialogs/0/interactions/0/branches/0/redirectTo",
      "/dialogs/0/interactions/1/duringHours/redirectTo",
      "/dialogs/0/interactions/2/notAuthenticatedRedirect",
      "/dialogs/1/end/options/0/dialogId",
    ]);
  });

  it("are found in feedback, AI response and article deflection redirects", () => {
    const definition = assistant({
      dialogs: [
        welcome([], requestFeedback("rate")),
        dialog(
          "ai",
          "AI",
          [],
          aiResponse("answer", {
            redirects: { answered: "x", notAnswered: "complete", negativeFeedback: "complete" },
          }),
        ),
        dialog("kb", "Articles", [], {
          ...articleDeflection("articles"),
          redirects: { helped: "complete", notHelped: "complete", noArticles: "y" },
        }),
        complete(),
      ],
    });
    expect(missingDialogPaths(definition)).toEqual([
      "/dialogs/1/end/redirects/answered",
      "/dialogs/2/end/redirects/noArticles",
    ]);
  });

  it("are found in voice input options, intent mappings and the no-intent behaviour", () => {
    const definition = assistant({
      channel: "voice",
      type: "lite",
      dialogs: [
        welcome([
          {
            id: "menu",
            kind: "collect_customer_input",
            prompt: "Press 1.",
            mode: "digits",
            options: [{ id: "one", digits: "1", dialogId: "missing-voice" }],
          },
        ]),
        complete(),
      ],
      intents: [{ intent: "cancel_order", dialogId: "missing-intent" }],
      settings: { behaviour: { noIntentMatch: { action: "redirect", dialogId: "missing-behaviour" } } },
    });
    expect(missingDialogPaths(definition)).toEqual([
      "/dialogs/0/interactions/0/options/0/dialogId",
      "/intents/0/dialogId",
      "/settings/behaviour/noIntentMatch/dialogId",
    ]);
  });
});

describe("references to what the organization has", () => {
  const definition = fullOfReferences();

  function fullOfReferences() {
    return assistant({
      dialogs: [
        welcome(
          [
            businessSchedule("hours", { interactions: [runWorkflow("lookup")] }, { interactions: [] }),
            objectSelector("order", "complete", "complete"),
          ],
          aiResponse("answer"),
        ),
        complete(),
      ],
    });
  }

  it("are not checked when the lists are not given", () => {
    const codes = [
      "unknown_business_schedule",
      "unknown_workflow",
      "unknown_knowledge_base",
      "unknown_klass",
    ] as const;
    for (const code of codes) expect(problemsCoded(definition, code)).toEqual([]);
  });

  it("are problems when missing from the lists given", () => {
    const options = { schedules: ["weekdays"], workflows: [], knowledgeBases: ["internal"], klasses: [] };
    expect(problemsCoded(definition, "unknown_business_schedule", options)[0]?.path).toBe(
      "/dialogs/0/interactions/0/scheduleId",
    );
    expect(problemsCoded(definition, "unknown_workflow", options)[0]?.path).toBe(
      "/dialogs/0/interactions/0/duringHours/interactions/0/workflowId",
    );
    expect(problemsCoded(definition, "unknown_knowledge_base", options)[0]?.path).toBe(
      "/dialogs/0/end/knowledgeBaseId",
    );
    expect(problemsCoded(definition, "unknown_klass", options)[0]?.path).toBe(
      "/dialogs/0/interactions/1/klass",
    );
  });

  it("include the attributes an object selector card shows", () => {
    const klasses = [{ name: "order", attributes: [{ name: "number", type: "text" as const }] }];
    expect(problemsCoded(definition, "unknown_klass_attribute", { klasses })).toEqual([
      expect.objectContaining({ path: "/dialogs/0/interactions/1/card/description", severity: "error" }),
    ]);
  });
});
