import {
  Assistant,
  type AssistantInput,
  createAssistantFromTemplate,
  validateAssistant,
} from "@parley/model";
import { describe, expect, it } from "vitest";
import { buildFlowGraph, type FlowGraph } from "./flow-graph.ts";

type DialogInput = AssistantInput["dialogs"][number];

function assistantWith(dialogs: DialogInput[], extra: Partial<AssistantInput> = {}): Assistant {
  return Assistant.parse({
    schemaVersion: 1,
    id: "a",
    publicId: "p",
    internalName: "Flow",
    channel: "chat",
    type: "premium",
    dialogs,
    ...extra,
  });
}

const redirect = (id: string, dialogId: string) => ({ id, kind: "redirect" as const, dialogId });
const say = (id: string) => ({ id, kind: "send_message" as const, text: "Hi" });
const ask = (id: string) => ({ id, kind: "text_question" as const, prompt: "Name?" });

/** Links as "from → to (kind: label)", easy to read in a failure. */
function describeLinks(graph: FlowGraph): string[] {
  return graph.links.map(
    (link) => `${link.from ?? "*"} → ${link.to} (${link.kind}${link.label ? `: ${link.label}` : ""})`,
  );
}

function dialog(graph: FlowGraph, id: string) {
  const found = graph.dialogs.find((each) => each.id === id);
  if (!found) throw new Error(`no dialog ${id}`);
  return found;
}

describe("buildFlowGraph", () => {
  it("links end redirects, buttons, options and outcomes, and marks what cannot be reached", () => {
    const graph = buildFlowGraph(
      assistantWith([
        { id: "welcome", name: "Welcome", interactions: [say("hello")], end: redirect("to-a", "a") },
        {
          id: "a",
          name: "A",
          end: {
            id: "menu",
            kind: "navigation_buttons",
            prompt: "Pick",
            buttons: [
              { id: "b1", label: "Orders", dialogId: "b" },
              { id: "b2", label: "Other", dialogId: "gone" },
            ],
          },
        },
        {
          id: "b",
          name: "B",
          end: {
            id: "feedback",
            kind: "request_feedback",
            prompt: "How was it?",
            redirects: { positive: "welcome", negative: "a" },
          },
        },
        { id: "c", name: "C", end: { id: "t", kind: "transfer" } },
      ]),
    );
    expect(describeLinks(graph)).toEqual([
      "welcome → a (redirect)",
      "a → b (button: Orders)",
      "a → gone (button: Other)",
      "b → welcome (outcome: Positive)",
      "b → a (outcome: Negative)",
    ]);
    expect(graph.links.find((link) => link.to === "gone")?.missingTarget).toBe(true);
    expect(graph.dialogs.map((each) => [each.id, each.reachable])).toEqual([
      ["welcome", true],
      ["a", true],
      ["b", true],
      ["c", false],
    ]);
    expect(dialog(graph, "c").endings).toEqual(["transfer"]);
    expect(dialog(graph, "welcome").start).toBe(true);
    // Every cycle here waits for a button or feedback: menus, not loops.
    expect(graph.links.some((link) => link.loop)).toBe(false);
  });

  it("follows branch and schedule paths, labelled with the branch's name and the hours", () => {
    const graph = buildFlowGraph(
      assistantWith([
        {
          id: "welcome",
          name: "Welcome",
          interactions: [
            {
              id: "vip",
              kind: "conditional_branch",
              branches: [
                {
                  id: "vip-branch",
                  name: "VIP",
                  conditions: [{ scope: "customer", attribute: "vip", operator: "is_true" }],
                  interactions: [],
                  redirectTo: "vip",
                },
              ],
              otherwise: { interactions: [], redirectTo: "hours" },
            },
          ],
        },
        { id: "vip", name: "VIP", end: { id: "t", kind: "transfer" } },
        {
          id: "hours",
          name: "Hours",
          interactions: [
            {
              id: "schedule",
              kind: "business_schedule",
              scheduleId: "s",
              duringHours: { interactions: [], redirectTo: "vip" },
              outsideHours: { interactions: [say("closed")], redirectTo: "closed" },
            },
          ],
        },
        { id: "closed", name: "Closed", end: { id: "e", kind: "end_conversation" } },
      ]),
    );
    expect(describeLinks(graph)).toEqual([
      "welcome → vip (branch: VIP)",
      "welcome → hours (branch: In all other cases)",
      "hours → vip (schedule: During business hours)",
      "hours → closed (schedule: Outside business hours)",
    ]);
    expect(graph.dialogs.every((each) => each.reachable)).toBe(true);
    expect(dialog(graph, "closed").endings).toEqual(["end_conversation"]);
  });

  it("starts from intents too, and draws their mappings", () => {
    const graph = buildFlowGraph(
      assistantWith(
        [
          { id: "welcome", name: "Welcome", end: { id: "t", kind: "transfer" } },
          { id: "refunds", name: "Refunds", end: { id: "t2", kind: "transfer" } },
          { id: "lost", name: "Lost", end: null },
        ],
        { intents: [{ intent: "request_refund", dialogId: "refunds" }] },
      ),
    );
    expect(describeLinks(graph)).toEqual(["* → refunds (intent: request_refund)"]);
    expect(dialog(graph, "refunds")).toMatchObject({ reachable: true, intents: ["request_refund"] });
    expect(dialog(graph, "lost")).toMatchObject({ reachable: false, unlinked: true });
  });

  it("highlights the loops validation reports, and not the cycles that wait for the customer", () => {
    const definition = assistantWith([
      { id: "welcome", name: "Welcome", end: redirect("r0", "ping") },
      { id: "ping", name: "Ping", interactions: [say("p")], end: redirect("r1", "pong") },
      { id: "pong", name: "Pong", end: redirect("r2", "ping") },
      { id: "menu", name: "Menu", interactions: [ask("q")], end: redirect("r3", "menu") },
    ]);
    const graph = buildFlowGraph(definition);
    expect(graph.dialogs.filter((each) => each.loop).map((each) => each.id)).toEqual(["ping", "pong"]);
    expect(graph.links.filter((link) => link.loop).map((link) => `${link.from} → ${link.to}`)).toEqual([
      "ping → pong",
      "pong → ping",
    ]);
    // The model agrees on which dialogs loop.
    const loops = validateAssistant(definition).problems.filter((problem) => problem.code === "endless_loop");
    expect(loops.map((problem) => problem.message)).toEqual([expect.stringMatching(/"Ping" → "Pong"/)]);
  });

  it("agrees with validation about unreachable dialogs in the tutorial", () => {
    const tutorial = createAssistantFromTemplate("tutorial", { id: "t", publicId: "t" });
    tutorial.dialogs.push({ id: "extra", name: "Extra", interactions: [], end: null });
    const graph = buildFlowGraph(tutorial);
    const unreachable = validateAssistant(tutorial)
      .problems.filter((problem) => problem.code === "unreachable_dialog")
      .map((problem) => tutorial.dialogs[Number(problem.path.split("/")[2])]?.id);
    expect(graph.dialogs.filter((each) => !each.reachable).map((each) => each.id)).toEqual(unreachable);
    expect(unreachable).toEqual(["extra"]);
  });
});
