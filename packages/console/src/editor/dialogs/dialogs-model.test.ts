/** The dialog workspace's rules without a browser: menus, defaults, anchors, new dialogs. */
import {
  type Assistant,
  allInteractionKinds,
  assistantTypes,
  channels,
  createDefaultAssistant,
  type EndInteractionKind,
  endInteractionKinds,
  type InteractionKind,
  interactionKinds,
  validateAssistant,
} from "@parley/model";
import { produce } from "immer";
import { describe, expect, it } from "vitest";
import { availableKinds } from "../interaction-catalog.ts";
import { dialogLinkOf, dialogsLeadingTo } from "./dialog-links.ts";
import { addDialog, deleteDialog } from "./dialog-operations.ts";
import { identifierFrom, uniqueIdentifier } from "./new-identifiers.ts";
import { newEndInteraction, newInteraction, type OrganizationChoices } from "./new-interaction.ts";

/** What a default could get wrong by itself; references to the organization's records are its to fill. */
const problemsDefaultsMustAvoid =
  /^(schema_|duplicate_|unknown_field|interaction_unavailable|redirect_to_missing|operator_not_allowed|condition_value|attribute_not_updatable|too_many|incomplete_placeholder|unknown_template_root|kind_not_allowed)/;

const noOrganizationData: OrganizationChoices = { teams: [], schedules: [], knowledgeBases: [], klasses: [] };

function assistant(
  channel: (typeof channels)[number] = "chat",
  type: (typeof assistantTypes)[number] = "lite",
) {
  return createDefaultAssistant({ internalName: "Test", channel, type });
}

/** A dialog the test knows is there; failing loudly keeps the assertions about it honest. */
function dialogAt<T extends { dialogs: readonly unknown[] }>(
  definition: T,
  index: number,
): T["dialogs"][number] {
  const dialog = definition.dialogs[index];
  if (dialog === undefined) throw new Error(`no dialog ${index}`);
  return dialog;
}

const labels = (channel: (typeof channels)[number], type: (typeof assistantTypes)[number], end: boolean) =>
  availableKinds(channel, type, { end }).map((entry) => entry.label);

describe("the Add Interaction menus", () => {
  it("use spec 11's names and offer only the channel's and type's kinds", () => {
    expect(labels("chat", "lite", false)).toEqual([
      "Send a Message",
      "Customer Text Response",
      "Button Question",
      "Data Attribute Question",
      "Conditional Branch",
      "Business Schedule",
      "Update Attribute",
    ]);
    expect(labels("chat", "premium", false)).toContain("Run Workflow");
    expect(labels("chat", "premium", false)).toContain("Object Selector");
    expect(labels("voice", "lite", false)).toContain("Play Prompt");
    expect(labels("voice", "lite", false)).not.toContain("Send a Message");
    expect(labels("chat", "lite", true)).toEqual([
      "Navigation Buttons",
      "Redirect to Dialog",
      "Transfer to an Agent",
    ]);
    expect(labels("chat", "premium", true)).toEqual([
      "Request Feedback",
      "AI Response",
      "Navigation Buttons",
      "Article Deflection",
      "Redirect to Dialog",
      "Transfer to an Agent",
      "End Conversation",
    ]);
  });

  it("offer inside a business schedule only what spec 04 lists for its paths", () => {
    const inSchedule = availableKinds("chat", "premium", { end: false, position: "business_schedule" });
    expect(inSchedule.map((entry) => entry.kind)).toEqual([
      "send_message",
      "text_question",
      "button_question",
      "attribute_question",
      "run_workflow",
      "update_attribute",
    ]);
  });
});

describe("new interactions", () => {
  it("of every kind, on every channel and type that has it, validate without schema problems", () => {
    for (const channel of channels) {
      for (const type of assistantTypes) {
        // Pro assistants are no longer created (spec 17); voice is Lite only.
        if (type === "pro" || (channel === "voice" && type !== "lite")) continue;
        const kinds = [
          ...availableKinds(channel, type, { end: false }),
          ...availableKinds(channel, type, { end: true }),
        ];
        let definition: Assistant = assistant(channel, type);
        for (const { kind } of kinds) {
          definition = produce(definition, (draft) => {
            const context = { definition: draft, dialogId: "welcome", organization: noOrganizationData };
            if ((endInteractionKinds as readonly string[]).includes(kind)) {
              dialogAt(draft, 0).end = newEndInteraction(kind as EndInteractionKind, context);
            } else {
              dialogAt(draft, 0).interactions.push(newInteraction(kind as InteractionKind, context));
            }
          });
          const { assistant: parsed, problems } = validateAssistant(definition);
          const where = `${kind} on ${channel} ${type}`;
          expect(parsed, `${where}: ${JSON.stringify(problems)}`).not.toBeNull();
          expect(
            problems.filter((problem) => problemsDefaultsMustAvoid.test(problem.code)),
            where,
          ).toEqual([]);
        }
      }
    }
  });

  it("get ids unique in the assistant, named after their dialog", () => {
    const definition = assistant();
    const context = { definition, dialogId: "welcome", organization: noOrganizationData };
    expect(newInteraction("send_message", context).id).toBe("welcome-send-message");
    const withOne = produce(definition, (draft) => {
      dialogAt(draft, 1).interactions.push({ id: "welcome-send-message", kind: "send_message", text: "Hi" });
    });
    expect(newInteraction("send_message", { ...context, definition: withOne }).id).toBe(
      "welcome-send-message-2",
    );
    expect(interactionKinds.length + endInteractionKinds.length).toBe(allInteractionKinds.length);
  });

  it("redirect to the dialog after theirs until the admin picks another", () => {
    const definition = produce(assistant(), (draft) => {
      addDialog(draft, "Ask Customer Name");
    });
    const context = { definition, dialogId: "ask-customer-name", organization: noOrganizationData };
    expect(newEndInteraction("redirect", context)).toEqual({
      id: "ask-customer-name-redirect",
      kind: "redirect",
      dialogId: "complete-assistant",
    });
  });
});

describe("dialog anchors", () => {
  it("follow spec 11: linked by a redirect, not linked without an end, Complete Assistant ends", () => {
    const definition = produce(assistant(), (draft) => {
      addDialog(draft, "Ask Customer Name");
    });
    const welcome = dialogAt(definition, 0);
    const askName = dialogAt(definition, 1);
    const complete = dialogAt(definition, 2);
    expect(dialogLinkOf(definition, welcome)).toMatchObject({
      state: "linked",
      targets: [{ id: "complete-assistant" }],
    });
    expect(dialogLinkOf(definition, askName)).toEqual({ state: "unlinked", reason: "no_end" });
    expect(dialogLinkOf(definition, complete)).toEqual({ state: "ends" });
  });

  it("count a dialog whose every branch redirects as linked, and a redirect to a deleted dialog as not", () => {
    const definition = produce(assistant(), (draft) => {
      const id = addDialog(draft, "Menu");
      const menu = dialogAt(draft, 1);
      expect(menu.id).toBe(id);
      menu.interactions.push({
        id: "menu-branch",
        kind: "conditional_branch",
        branches: [
          {
            id: "vip",
            match: "all",
            conditions: [{ scope: "customer", attribute: "email", operator: "is_set" }],
            interactions: [],
            redirectTo: "welcome",
          },
        ],
        otherwise: { interactions: [], redirectTo: "complete-assistant" },
      });
      dialogAt(draft, 0).end = { id: "welcome-redirect", kind: "redirect", dialogId: id };
    });
    const menu = dialogAt(definition, 1);
    expect(dialogLinkOf(definition, menu)).toMatchObject({ state: "linked" });
    expect(dialogsLeadingTo(definition, "welcome").map((dialog) => dialog.name)).toEqual(["Menu"]);
    const deleted = produce(definition, (draft) => deleteDialog(draft, menu.id));
    expect(dialogLinkOf(deleted, dialogAt(deleted, 0))).toEqual({
      state: "unlinked",
      reason: "missing_target",
    });
  });
});

describe("new dialogs", () => {
  it("go before Complete Assistant with readable, unique ids", () => {
    const definition = produce(assistant(), (draft) => {
      addDialog(draft, "Ask Customer Name");
      addDialog(draft, "Ask for Team");
      addDialog(draft, "  Ask for Team  ");
    });
    expect(definition.dialogs.map((dialog) => [dialog.id, dialog.name])).toEqual([
      ["welcome", "Welcome"],
      ["ask-customer-name", "Ask Customer Name"],
      ["ask-for-team", "Ask for Team"],
      ["ask-for-team-2", "Ask for Team"],
      ["complete-assistant", "Complete Assistant"],
    ]);
    expect(identifierFrom("Équipe & Ventes!", "dialog")).toBe("equipe-ventes");
    expect(identifierFrom("???", "dialog")).toBe("dialog");
    expect(uniqueIdentifier("dialog", new Set(["dialog", "dialog-2"]))).toBe("dialog-3");
  });

  it("never delete Welcome", () => {
    const definition = produce(assistant(), (draft) => deleteDialog(draft, "welcome"));
    expect(definition.dialogs[0]?.name).toBe("Welcome");
  });
});
