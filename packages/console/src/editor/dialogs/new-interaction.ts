/**
 * What a new interaction starts with: a complete value the schema accepts, so the draft saves at
 * once and the admin edits it in the interaction's form. Organization data (teams, schedules,
 * knowledge bases, Klasses) fills references when there is some; otherwise validation names them.
 */
import type {
  Assistant,
  EndInteraction,
  EndInteractionKind,
  Interaction,
  InteractionKind,
} from "@parley/model";
import type { Klass, Named } from "../../api/organization-data.ts";
import { strings } from "../../strings/index.ts";
import { interactionIdsOf } from "./dialog-links.ts";
import { uniqueIdentifier } from "./new-identifiers.ts";

const text = strings.editor.newInteraction;

export interface OrganizationChoices {
  teams: readonly Named[];
  schedules: readonly Named[];
  knowledgeBases: readonly Named[];
  klasses: readonly Klass[];
}

export interface NewInteractionContext {
  definition: Assistant;
  /** The dialog the interaction is added to. */
  dialogId: string;
  organization: OrganizationChoices;
}

/** An id unique in the assistant, named after its dialog and kind: `ask-customer-name-text-question`. */
export function newInteractionId(context: NewInteractionContext, kind: string): string {
  return uniqueIdentifier(
    `${context.dialogId}-${kind.replace(/_/g, "-")}`,
    interactionIdsOf(context.definition),
  );
}

/**
 * Where a new redirect leads until the admin picks: the dialog after this one in the sidebar,
 * since flows usually read top to bottom (spec 11 links them in that order).
 */
export function nextDialogId(definition: Assistant, dialogId: string): string {
  const index = definition.dialogs.findIndex((dialog) => dialog.id === dialogId);
  const after = definition.dialogs.slice(index + 1).find((dialog) => dialog.id !== dialogId);
  const other = definition.dialogs.find((dialog, position) => position > 0 && dialog.id !== dialogId);
  return (after ?? other ?? definition.dialogs[0])?.id ?? dialogId;
}

function firstId(items: readonly Named[], fallback: string): string {
  return items[0]?.id ?? fallback;
}

function objectSelectorDefaults(context: NewInteractionContext) {
  const custom = context.organization.klasses.find((klass) => !klass.standard);
  const attributes = custom?.attributes.map((attribute) => attribute.name) ?? [];
  return {
    klass: custom?.name ?? "order",
    card: { title: attributes[0] ?? "name", description: attributes[1] ?? attributes[0] ?? "description" },
  };
}

export function newInteraction(kind: InteractionKind, context: NewInteractionContext): Interaction {
  const id = newInteractionId(context, kind);
  const target = nextDialogId(context.definition, context.dialogId);
  switch (kind) {
    case "send_message":
      return { id, kind, text: text.message };
    case "text_question":
      return { id, kind, prompt: text.textQuestion, understandIntents: false };
    case "button_question":
      return {
        id,
        kind,
        prompt: text.buttonQuestion,
        buttons: text.buttons.map((label, index) => ({ id: `${id}-${index + 1}`, label })),
      };
    case "attribute_question": {
      const teams = context.organization.teams.slice(0, 10).map((team) => team.name);
      return {
        id,
        kind,
        prompt: text.attributeQuestion,
        attribute: { klass: "conversation", attribute: "assignedTeams" },
        values: teams.length > 0 ? teams : [text.attributeValue],
        skipIfSet: false,
      };
    }
    case "conditional_branch":
      return {
        id,
        kind,
        branches: [
          {
            id: `${id}-1`,
            name: text.branchName,
            match: "all",
            conditions: [{ scope: "customer", attribute: "email", operator: "is_set" }],
            interactions: [],
          },
        ],
      };
    case "business_schedule":
      return {
        id,
        kind,
        scheduleId: firstId(context.organization.schedules, "business-hours"),
        duringHours: { interactions: [] },
        outsideHours: { interactions: [] },
      };
    case "object_selector":
      return {
        id,
        kind,
        prompt: text.objectSelector,
        ...objectSelectorDefaults(context),
        notAuthenticatedRedirect: target,
        noResultsRedirect: target,
      };
    case "run_workflow":
      return { id, kind, workflowId: text.workflowId, inputs: {}, outputs: [] };
    case "update_attribute":
      return {
        id,
        kind,
        updates: [{ target: { klass: "conversation", attribute: "priority" }, value: 3, operation: "set" }],
      };
    case "play_prompt":
      return { id, kind, text: text.playPrompt };
    case "collect_customer_input":
      return {
        id,
        kind,
        prompt: text.collectInput,
        mode: "digits",
        maxDigits: 1,
        options: [{ id: `${id}-1`, digits: text.inputOption, dialogId: target }],
      };
    case "collect_language_preference":
      return {
        id,
        kind,
        prompt: text.languagePrompt,
        options: text.languages.map((option) => ({ ...option })),
      };
  }
}

export function newEndInteraction(kind: EndInteractionKind, context: NewInteractionContext): EndInteraction {
  const id = newInteractionId(context, kind);
  const target = nextDialogId(context.definition, context.dialogId);
  const knowledgeBaseId = firstId(context.organization.knowledgeBases, "knowledge-base");
  switch (kind) {
    case "redirect":
      return { id, kind, dialogId: target };
    case "transfer":
      return { id, kind, routing: {} };
    case "end_conversation":
      return { id, kind };
    case "voicemail":
      return { id, kind, prompt: text.voicemailPrompt, maxSeconds: 120 };
    case "request_feedback":
      return {
        id,
        kind,
        prompt: text.feedbackPrompt,
        design: "thumbs",
        redirects: { positive: target, negative: target },
      };
    case "ai_response":
      return {
        id,
        kind,
        knowledgeBaseId,
        understandIntents: false,
        feedbackPrompt: text.aiFeedbackPrompt,
        redirects: { answered: target, notAnswered: target, negativeFeedback: target },
        attemptsBeforeHandover: 2,
      };
    case "article_deflection":
      return {
        id,
        kind,
        knowledgeBaseId,
        understandIntents: false,
        maxArticles: 3,
        foundMessage: text.articlesFound,
        helpedLabel: text.articleHelped,
        notHelpedLabel: text.articleNotHelped,
        redirects: { helped: target, notHelped: target, noArticles: target },
      };
    case "navigation_buttons":
      return {
        id,
        kind,
        prompt: text.navigationPrompt,
        buttons: [{ id: `${id}-1`, label: text.navigationButton, dialogId: target }],
      };
    case "list_selector":
      return {
        id,
        kind,
        prompt: text.listPrompt,
        buttonLabel: text.listButton,
        understandIntents: false,
        options: [{ id: `${id}-1`, label: text.listOption, dialogId: target }],
      };
  }
}
