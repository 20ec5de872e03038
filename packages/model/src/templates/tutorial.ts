import type { SaveTarget } from "../attributes.ts";
import type { AssistantType, Channel } from "../channels.ts";
import { completeAssistantDialogName, type Dialog, welcomeDialogName } from "../dialog.ts";
import type { Interaction } from "../interaction.ts";
import type { Branch } from "../interactions/conditional-branch.ts";
import { isInteractionAvailable } from "../interactions/registry.ts";
import type { AssistantTemplate, TemplateContext } from "./assistant-template.ts";
import { answerCondition, dialog, redirect, say, textQuestion, transfer } from "./build.ts";
import { completeAssistantDialogId, welcomeDialogId } from "./default-assistant.ts";
import {
  type TutorialMessages,
  type TutorialTeam,
  tutorialMessages,
  tutorialTeams,
} from "./tutorial-messages.ts";

export const askCustomerNameDialogId = "ask-customer-name";
export const askForTeamDialogId = "ask-for-team";

const customerName: SaveTarget = { klass: "customer", attribute: "name" };
const assignedTeams: SaveTarget = { klass: "conversation", attribute: "assignedTeams" };
/** Spec 13 recommends saving menu answers in a conversation attribute ("CA - Step Value"). */
export const menuAnswerAttribute: SaveTarget = { klass: "conversation", attribute: "caStepValue" };

/** The number emojis spec 13 recommends for menus, written with the variation selector WhatsApp sends. */
const keycap = (digit: number) => `${digit}\uFE0F\u20E3`;

function teamSlug(team: TutorialTeam): string {
  return team.toLowerCase();
}

export function teamDialogId(team: TutorialTeam): string {
  return `transfer-to-${teamSlug(team)}`;
}

/** Chat: the spec 11 attribute question, whose buttons are the Assigned Teams values. */
function teamButtons(text: TutorialMessages): Interaction[] {
  return [
    {
      id: "ask-for-team-question",
      kind: "attribute_question",
      prompt: text.askTeam,
      attribute: assignedTeams,
      values: [...tutorialTeams],
      skipIfSet: false,
    },
  ];
}

function menuBranch(id: string, name: string, option: number, keywords: readonly string[]): Branch {
  return {
    id,
    name,
    match: "any",
    conditions: [
      answerCondition(menuAnswerAttribute, "equals", String(option)),
      answerCondition(menuAnswerAttribute, "equals", keycap(option)),
      ...keywords.map((keyword) => answerCondition(menuAnswerAttribute, "contains", keyword)),
    ],
    interactions: [],
  };
}

/**
 * Channels without buttons (spec 13): a numbered menu saved to a conversation
 * attribute, then a branch per option matched by number, emoji or keyword.
 *
 * An assistant may not update Assigned Teams (spec 04 lists what Update
 * attribute can change), so each team's branch redirects to a dialog that
 * transfers to that team. "Something else" goes on to Complete Assistant, and
 * anything else gets an apology and the menu again.
 */
function teamMenu(channel: Channel, type: AssistantType, text: TutorialMessages): Interaction[] {
  const teamBranches = tutorialTeams.map((team, index) => ({
    ...menuBranch(`ask-for-team-${teamSlug(team)}`, team, index + 1, text.teamKeywords[team]),
    redirectTo: teamDialogId(team),
  }));
  const somethingElse = menuBranch(
    "ask-for-team-something-else",
    "Something else",
    tutorialTeams.length + 1,
    text.somethingElseKeywords,
  );
  return [
    textQuestion("ask-for-team-question", text.askTeamMenu, menuAnswerAttribute),
    {
      id: "ask-for-team-branch",
      kind: "conditional_branch",
      branches: [...teamBranches, somethingElse],
      otherwise: {
        interactions: [say(channel, type, "ask-for-team-not-understood", text.notUnderstood)],
        redirectTo: askForTeamDialogId,
      },
    },
  ];
}

/** Voice: keypad digits or speech, each team option leading to the dialog that transfers to that team. */
function voiceTeamQuestion(text: TutorialMessages): Interaction[] {
  return [
    {
      id: "ask-for-team-question",
      kind: "collect_customer_input",
      prompt: text.voiceAskTeam,
      mode: "digits_or_speech",
      maxDigits: 1,
      options: tutorialTeams.map((team, index) => ({
        id: `ask-for-team-${teamSlug(team)}`,
        digits: String(index + 1),
        phrases: [...text.voiceTeamPhrases[team]],
        dialogId: teamDialogId(team),
      })),
    },
  ];
}

function teamDialogs(
  channel: Channel,
  type: AssistantType,
  handover: Record<TutorialTeam, string>,
): Dialog[] {
  return tutorialTeams.map((team) =>
    dialog(
      teamDialogId(team),
      `Transfer to ${team}`,
      [say(channel, type, `${teamDialogId(team)}-message`, handover[team])],
      transfer(`${teamDialogId(team)}-transfer`, { teamId: team }),
    ),
  );
}

/**
 * Spec 11: Welcome → Ask Customer Name → Ask for Team → Complete Assistant.
 * The team question takes the form each channel can carry: buttons on chat,
 * a numbered menu on text channels, keypad or speech on voice.
 */
function tutorialDialogs({ channel, type, language }: TemplateContext): Dialog[] {
  const text = tutorialMessages[language];
  const speaks = !isInteractionAvailable("text_question", channel, type);
  if (speaks && !isInteractionAvailable("collect_customer_input", channel, type)) {
    throw new Error(`the tutorial template has no way to ask questions on channel "${channel}"`);
  }
  const buttons = isInteractionAvailable("attribute_question", channel, type);

  const askName: Interaction = speaks
    ? {
        id: "ask-customer-name-question",
        kind: "collect_customer_input",
        prompt: text.voiceAskName,
        mode: "speech",
        options: [],
        saveTo: customerName,
      }
    : textQuestion("ask-customer-name-question", text.askName, customerName);

  let askTeam: Interaction[];
  let completeMessage: string;
  let perTeam: Dialog[];
  if (buttons) {
    askTeam = teamButtons(text);
    completeMessage = text.complete;
    perTeam = [];
  } else if (speaks) {
    askTeam = voiceTeamQuestion(text);
    // A caller whose answer matches no team goes on to Complete Assistant: any agent rather than a loop.
    completeMessage = text.voiceHandover;
    perTeam = teamDialogs(channel, type, text.voiceTeamHandover);
  } else {
    askTeam = teamMenu(channel, type, text);
    completeMessage = text.anyAgentHandover;
    perTeam = teamDialogs(channel, type, text.teamHandover);
  }

  return [
    dialog(
      welcomeDialogId,
      welcomeDialogName,
      [say(channel, type, "welcome-message", speaks ? text.voiceWelcome : text.welcome)],
      redirect("welcome-redirect", askCustomerNameDialogId),
    ),
    dialog(
      askCustomerNameDialogId,
      "Ask Customer Name",
      [askName],
      redirect("ask-customer-name-redirect", askForTeamDialogId),
    ),
    dialog(
      askForTeamDialogId,
      "Ask for Team",
      askTeam,
      redirect("ask-for-team-redirect", completeAssistantDialogId),
    ),
    ...perTeam,
    dialog(
      completeAssistantDialogId,
      completeAssistantDialogName,
      [say(channel, type, "complete-assistant-message", completeMessage)],
      transfer("complete-assistant-transfer"),
    ),
  ];
}

export const tutorialTemplate: AssistantTemplate = {
  name: "tutorial",
  defaultType: "lite",
  names: (language) => tutorialMessages[language],
  dialogs: tutorialDialogs,
};
