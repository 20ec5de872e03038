import {
  type Assistant,
  type Dialog,
  type EndInteraction,
  type Interaction,
  type InteractionPath,
  interactionDefinition,
  nestedPathsOf,
  stronglyConnectedGroups,
} from "@parley/model";
import { strings } from "../strings/index.ts";

/**
 * The flow map's data: every dialog, and every way the conversation can move from one to another,
 * read from the working copy. Pure, so the map and its text alternative say the same thing and a
 * unit test can pin it down.
 */

export type LinkKind =
  | "redirect"
  | "branch"
  | "schedule"
  | "button"
  | "option"
  | "outcome"
  | "intent"
  | "no_intent";

export interface FlowLink {
  id: string;
  /** The dialog the link leaves from; null for intent mappings, which start from anywhere. */
  from: string | null;
  to: string;
  kind: LinkKind;
  /** What takes this way: a branch's name, a button's label, an intent… Empty for a plain redirect. */
  label: string;
  /** Whether the conversation can take it without the customer answering first (validation/loops.ts). */
  withoutWaiting: boolean;
  /** Part of an endless loop: dialogs that hand the conversation around without ever waiting. */
  loop: boolean;
  /** The target is not a dialog of this assistant (validation reports it as an error). */
  missingTarget: boolean;
}

export type DialogEnding = "transfer" | "end_conversation" | "voicemail";

export interface FlowDialog {
  id: string;
  name: string;
  index: number;
  /** Welcome: where conversations start. */
  start: boolean;
  /** Reached from Welcome or an intent through links; only a rule could start the others. */
  reachable: boolean;
  loop: boolean;
  /** No end interaction: the red anchor of the dialog list. */
  unlinked: boolean;
  /** How the dialog can end the assistant, shown as badges. */
  endings: DialogEnding[];
  /** The intents that lead here. */
  intents: string[];
}

export interface FlowGraph {
  dialogs: FlowDialog[];
  links: FlowLink[];
}

const text = strings.flowMap.links;

type AnyInteraction = Interaction | EndInteraction;

/** A link before the graph knows whether it closes a loop or misses its target. */
type Draft = Omit<FlowLink, "id" | "loop" | "missingTarget">;

/** Interactions after which the dialog goes on only when the customer answers (the model's loop check). */
function waitsForCustomer(interaction: AnyInteraction): boolean {
  return interactionDefinition(interaction.kind).waitsForCustomer(interaction as never);
}

/** How the map names a path of a conditional branch or a business schedule, by the model's path key. */
function pathLabel(interaction: AnyInteraction, key: string): string {
  if (key === "otherwise") return text.otherwise;
  if (key === "during") return text.duringHours;
  if (key === "outside") return text.outsideHours;
  if (interaction.kind !== "conditional_branch") return key;
  const index = interaction.branches.findIndex((branch) => `branch:${branch.id}` === key);
  return interaction.branches[index]?.name?.trim() || text.branch(index + 1);
}

/** The labelled paths of a conditional branch or a business schedule, found by the model's walker. */
function nestedPaths(
  interaction: AnyInteraction,
): { path: InteractionPath; kind: LinkKind; label: string }[] {
  const kind: LinkKind = interaction.kind === "business_schedule" ? "schedule" : "branch";
  return nestedPathsOf(interaction).map((site) => ({
    path: site.path,
    kind,
    label: pathLabel(interaction, site.key),
  }));
}

/**
 * The dialog's links in the order an admin reads them, each marked with whether the conversation
 * can get there before the customer answers anything. `free` is that: true until an interaction
 * that waits.
 */
function walkList(
  interactions: readonly AnyInteraction[],
  free: boolean,
  links: Draft[],
  from: string,
): boolean {
  let freeHere = free;
  for (const interaction of interactions) {
    if (interaction.kind === "conditional_branch" || interaction.kind === "business_schedule") {
      // Without "In all other cases", a branch that matches nothing goes on after the block.
      let continues = freeHere && interaction.kind === "conditional_branch" && !interaction.otherwise;
      for (const nested of nestedPaths(interaction)) {
        const endFree = walkList(nested.path.interactions, freeHere, links, from);
        if (nested.path.redirectTo !== undefined) {
          links.push({
            from,
            to: nested.path.redirectTo,
            kind: nested.kind,
            label: nested.label,
            withoutWaiting: endFree,
          });
        } else if (endFree) {
          continues = true;
        }
      }
      freeHere = continues;
    } else if (interaction.kind === "object_selector") {
      // A customer who is not signed in, or has nothing to choose, is redirected without being asked.
      links.push(
        {
          from,
          to: interaction.notAuthenticatedRedirect,
          kind: "outcome",
          label: text.notAuthenticated,
          withoutWaiting: freeHere,
        },
        {
          from,
          to: interaction.noResultsRedirect,
          kind: "outcome",
          label: text.noResults,
          withoutWaiting: freeHere,
        },
      );
      freeHere = false;
    } else if (interaction.kind === "collect_customer_input") {
      // Voice menus lead to dialogs once the caller answers.
      for (const option of interaction.options) {
        const label = option.digits ?? option.phrases?.[0] ?? "";
        links.push({ from, to: option.dialogId, kind: "option", label, withoutWaiting: false });
      }
      freeHere = false;
    } else if (waitsForCustomer(interaction)) {
      freeHere = false;
    }
  }
  return freeHere;
}

function endLinks(end: EndInteraction, reachesEnd: boolean, from: string): Draft[] {
  const waiting = (kind: LinkKind, to: string, label: string): Draft => ({
    from,
    to,
    kind,
    label,
    withoutWaiting: false,
  });
  switch (end.kind) {
    case "redirect":
      return [{ from, to: end.dialogId, kind: "redirect", label: "", withoutWaiting: reachesEnd }];
    case "navigation_buttons":
      return end.buttons.map((button) => waiting("button", button.dialogId, button.label));
    case "list_selector":
      return end.options.map((option) => waiting("option", option.dialogId, option.label));
    case "request_feedback":
    case "ai_response":
    case "article_deflection":
      return Object.entries(end.redirects)
        .filter((entry): entry is [string, string] => typeof entry[1] === "string")
        .map(([outcome, to]) => waiting("outcome", to, text.outcomes[outcome] ?? outcome));
    default:
      return [];
  }
}

function dialogLinks(dialog: Dialog): Draft[] {
  const links: Draft[] = [];
  const reachesEnd = walkList(dialog.interactions, true, links, dialog.id);
  if (dialog.end) links.push(...endLinks(dialog.end, reachesEnd, dialog.id));
  return links;
}

function endingsOf(dialog: Dialog): DialogEnding[] {
  const kind = dialog.end?.kind;
  return kind === "transfer" || kind === "end_conversation" || kind === "voicemail" ? [kind] : [];
}

/** For each dialog index, the loop group it belongs to, or -1 (validation/loops.ts: an error). */
function loopGroups(count: number, links: readonly Draft[], indexOf: Map<string, number>): number[] {
  const edges: number[][] = Array.from({ length: count }, () => []);
  for (const link of links) {
    const from = link.from === null ? undefined : indexOf.get(link.from);
    const to = indexOf.get(link.to);
    if (from !== undefined && to !== undefined && link.withoutWaiting) edges[from]?.push(to);
  }
  const groupOf = new Array<number>(count).fill(-1);
  stronglyConnectedGroups(count, edges).forEach((group, groupIndex) => {
    const only = group[0] as number;
    if (group.length > 1 || edges[only]?.includes(only))
      for (const member of group) groupOf[member] = groupIndex;
  });
  return groupOf;
}

function intentLinks(assistant: Assistant): Draft[] {
  const links: Draft[] = assistant.intents.map((mapping) => ({
    from: null,
    to: mapping.dialogId,
    kind: "intent",
    label: mapping.intent,
    withoutWaiting: false,
  }));
  const noIntentMatch = assistant.settings.behaviour.noIntentMatch;
  if (noIntentMatch.action === "redirect") {
    links.push({
      from: null,
      to: noIntentMatch.dialogId,
      kind: "no_intent",
      label: text.noIntentMatch,
      withoutWaiting: false,
    });
  }
  return links;
}

/** Dialogs reached from Welcome and the intents, as validation/reachability.ts sees them. */
function reachableIndexes(
  ids: readonly string[],
  links: readonly Draft[],
  indexOf: Map<string, number>,
): Set<number> {
  const leadsTo = new Map<string, string[]>();
  const pending: (number | undefined)[] = [0];
  for (const link of links) {
    if (link.from === null) pending.push(indexOf.get(link.to));
    else leadsTo.set(link.from, [...(leadsTo.get(link.from) ?? []), link.to]);
  }
  const reached = new Set<number>();
  while (pending.length > 0) {
    const index = pending.pop();
    if (index === undefined || reached.has(index)) continue;
    reached.add(index);
    for (const to of leadsTo.get(ids[index] ?? "") ?? []) pending.push(indexOf.get(to));
  }
  return reached;
}

export function buildFlowGraph(assistant: Assistant): FlowGraph {
  const indexOf = new Map<string, number>();
  assistant.dialogs.forEach((dialog, index) => {
    if (!indexOf.has(dialog.id)) indexOf.set(dialog.id, index);
  });
  const drafts = [...assistant.dialogs.flatMap(dialogLinks), ...intentLinks(assistant)];
  const groupOf = loopGroups(assistant.dialogs.length, drafts, indexOf);
  const reached = reachableIndexes(
    assistant.dialogs.map((dialog) => dialog.id),
    drafts,
    indexOf,
  );
  const links = drafts.map((draft, index): FlowLink => {
    const from = draft.from === null ? undefined : indexOf.get(draft.from);
    const to = indexOf.get(draft.to);
    const loop =
      draft.withoutWaiting &&
      from !== undefined &&
      to !== undefined &&
      groupOf[from] !== -1 &&
      groupOf[from] === groupOf[to];
    return { ...draft, id: `link-${index}`, loop, missingTarget: to === undefined };
  });
  const dialogs = assistant.dialogs.map(
    (dialog, index): FlowDialog => ({
      id: dialog.id,
      name: dialog.name,
      index,
      start: index === 0,
      reachable: reached.has(index),
      loop: groupOf[index] !== -1,
      unlinked: dialog.end === null,
      endings: endingsOf(dialog),
      intents: links
        .filter((link) => link.to === dialog.id && link.kind === "intent")
        .map((link) => link.label),
    }),
  );
  return { dialogs, links };
}
