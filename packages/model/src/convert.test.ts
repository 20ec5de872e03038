import { describe, expect, it } from "vitest";
import { Assistant } from "./assistant.ts";
import { convertAssistant } from "./convert.ts";
import { validateAssistant } from "./validation/index.ts";
import {
  aiResponse,
  articleDeflection,
  assistant,
  branch,
  businessSchedule,
  complete,
  conditionalBranch,
  type Definition,
  dialog,
  endConversation,
  fullPremiumChatAssistant,
  objectSelector,
  redirect,
  requestFeedback,
  runWorkflow,
  sendMessage,
  textQuestion,
  welcome,
} from "./validation/test-assistants.ts";

function parsed(definition: Definition): Assistant {
  return Assistant.parse(definition);
}

const availabilityCodes = [
  "interaction_unavailable_on_channel",
  "interaction_unavailable_for_type",
  "intents_unavailable_for_type",
  "volume_control_unavailable",
  "type_unavailable_on_channel",
];

function availabilityProblems(definition: Assistant) {
  return validateAssistant(definition).problems.filter((problem) => availabilityCodes.includes(problem.code));
}

function premiumWithEverything(): Assistant {
  return parsed(
    assistant({
      dialogs: [
        welcome(
          [
            sendMessage("hello"),
            textQuestion("ask", { understandIntents: true }),
            objectSelector("order", "complete", "complete"),
            conditionalBranch("route", [
              branch("vip", { interactions: [runWorkflow("vip-lookup"), sendMessage("vip")] }),
            ]),
            businessSchedule("hours", { interactions: [runWorkflow("hours-lookup")] }, { interactions: [] }),
          ],
          aiResponse("answer"),
        ),
        dialog("articles", "Articles", [], articleDeflection("deflect")),
        dialog("feedback", "Feedback", [], requestFeedback("rate")),
        dialog("goodbye", "Goodbye", [], endConversation("bye")),
        dialog("elsewhere", "Elsewhere", [], redirect("go", "complete")),
        complete(),
      ],
      intents: [{ intent: "track_order", dialogId: "articles" }],
      settings: {
        volumeControl: {
          abandon: { enabled: true, action: "mark_done" },
          agentMissed: { enabled: true, markDoneIfNoChoice: true },
        },
        behaviour: { noIntentMatch: { action: "redirect", dialogId: "complete" } },
      },
    }),
  );
}

describe("converting Premium to Lite", () => {
  const original = premiumWithEverything();
  const snapshot = structuredClone(original);
  const { assistant: lite, removed } = convertAssistant(original, "lite");

  it("reports each removal at its path in the original definition", () => {
    expect(removed.map((removal) => removal.path)).toEqual([
      "/dialogs/0/interactions/1/understandIntents",
      "/dialogs/0/interactions/2",
      "/dialogs/0/interactions/3/branches/0/interactions/0",
      "/dialogs/0/interactions/4/duringHours/interactions/0",
      "/dialogs/0/end",
      "/dialogs/1/end",
      "/dialogs/2/end",
      "/dialogs/3/end",
      "/intents/0",
      "/settings/behaviour/noIntentMatch",
      "/settings/volumeControl/abandon/action",
      "/settings/volumeControl/agentMissed/markDoneIfNoChoice",
    ]);
  });

  it("says that a dialog whose end interaction was removed is now unlinked", () => {
    const removal = removed.find((candidate) => candidate.path === "/dialogs/0/end");
    expect(removal?.what).toBe("AI response end interaction");
    expect(removal?.message).toContain("The dialog is now unlinked");
    expect(lite.dialogs[0]?.end).toBeNull();
  });

  it("keeps what Lite has, nested interactions included", () => {
    expect(lite.type).toBe("lite");
    expect(lite.dialogs[0]?.interactions.map((interaction) => interaction.id)).toEqual([
      "hello",
      "ask",
      "route",
      "hours",
    ]);
    const route = lite.dialogs[0]?.interactions[2];
    expect(
      route?.kind === "conditional_branch" && route.branches[0]?.interactions.map((step) => step.id),
    ).toEqual(["vip"]);
    expect(lite.dialogs[4]?.end?.kind).toBe("redirect");
    expect(lite.intents).toEqual([]);
    expect(lite.settings.volumeControl.abandon.action).toBe("transfer");
    expect(lite.settings.volumeControl.agentMissed.markDoneIfNoChoice).toBe(false);
    expect(lite.settings.behaviour.noIntentMatch).toEqual({ action: "continue" });
  });

  it("gives an assistant without availability errors, whose only new errors are the unlinked dialogs", () => {
    expect(availabilityProblems(lite)).toEqual([]);
    const errors = validateAssistant(lite).problems.filter((problem) => problem.severity === "error");
    expect(errors.map((problem) => problem.code)).toEqual(Array(4).fill("unlinked_dialog"));
  });

  it("does not change the definition it was given", () => {
    expect(original).toEqual(snapshot);
  });
});

describe("converting to Premium", () => {
  it("removes nothing from a Lite assistant", () => {
    const lite = parsed(assistant({ type: "lite", dialogs: [welcome([textQuestion("ask")]), complete()] }));
    const { assistant: premium, removed } = convertAssistant(lite, "premium");
    expect(removed).toEqual([]);
    expect(premium.type).toBe("premium");
    expect(availabilityProblems(premium)).toEqual([]);
  });

  it("removes nothing from a Pro assistant", () => {
    const pro = parsed({ ...fullPremiumChatAssistant(), type: "pro" });
    const { assistant: premium, removed } = convertAssistant(pro, "premium");
    expect(removed).toEqual([]);
    expect(validateAssistant(premium).problems).toEqual([]);
  });

  it("is refused for a voice assistant, which can only be Lite", () => {
    const voice = parsed(assistant({ channel: "voice", type: "lite" }));
    expect(() => convertAssistant(voice, "premium")).toThrow(/voice assistant cannot become Premium/);
  });
});

describe("converting to Pro", () => {
  it("is refused: Pro can no longer be created", () => {
    expect(() => convertAssistant(parsed(assistant({ type: "lite" })), "pro")).toThrow(
      /Pro assistants can no longer be created/,
    );
  });
});

describe("converting Pro to Lite", () => {
  it("removes what Lite lacks, as from Premium", () => {
    const pro = parsed({ ...fullPremiumChatAssistant(), type: "pro" });
    const { assistant: lite, removed } = convertAssistant(pro, "lite");
    expect(removed.map((removal) => removal.what)).toContain("Object selector interaction");
    expect(removed.map((removal) => removal.what)).toContain("intent mapping track_order");
    expect(availabilityProblems(lite)).toEqual([]);
  });
});
