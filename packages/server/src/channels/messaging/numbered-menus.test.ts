/**
 * The numbers `plainTextOf` shows must pick, in the real engine, the option written on that line:
 * a customer answering "2" gets what line 2 said. Each case runs an assistant to the message,
 * then answers every number from that same point.
 */
import {
  advance,
  type ChoiceOption,
  type ConversationEvent,
  type ConversationState,
  type Effect,
  type EngineEnvironment,
  type OutboundMessage,
  parseState,
  start,
} from "@parley/engine";
import { Assistant } from "@parley/model";
import { describe, expect, it } from "vitest";
import { plainTextOf, type TextStyle } from "./message-text.ts";

const environment: EngineEnvironment = { now: Date.parse("2026-01-05T15:00:00Z") };

function assistant(channel: string, dialogs: unknown[]): Assistant {
  return Assistant.parse({
    schemaVersion: 1,
    id: "assistant-1",
    publicId: "public-1",
    internalName: "Menus",
    channel,
    type: "premium",
    dialogs,
  });
}

/** A dialog that says where the conversation went, then hands over. */
function landing(id: string): unknown {
  return {
    id,
    name: id,
    interactions: [{ id: `${id}-say`, kind: "send_message", text: `in ${id}` }],
    end: { id: `${id}-end`, kind: "transfer" },
  };
}

function requestIdOf(effects: Effect[], type: "articles.search" | "objects.lookup"): string {
  for (const effect of effects) if (effect.type === type) return effect.requestId;
  throw new Error(`no ${type} among ${effects.map((effect) => effect.type).join(", ")}`);
}

interface MenuCase {
  name: string;
  assistant: Assistant;
  /** What the customer and the server send after the start to reach the menu. */
  steps: Array<(effects: Effect[]) => ConversationEvent>;
  kind: OutboundMessage["kind"];
  /** Words the engine says once the option with this id is chosen. */
  after: Record<string, string>;
}

const cases: MenuCase[] = [
  {
    name: "buttons",
    assistant: assistant("whatsapp", [
      {
        id: "main",
        name: "main",
        interactions: [
          {
            id: "team",
            kind: "button_question",
            prompt: "Which team do you need?",
            buttons: [
              { id: "sales", label: "Sales" },
              { id: "support", label: "Technical support" },
              { id: "billing", label: "Billing" },
            ],
            saveTo: { klass: "conversation", attribute: "team" },
          },
          { id: "after", kind: "send_message", text: "Team: {{conversation.team}}" },
        ],
        end: { id: "end", kind: "transfer" },
      },
    ]),
    steps: [],
    kind: "buttons",
    after: { sales: "Team: Sales", support: "Team: Technical support", billing: "Team: Billing" },
  },
  {
    name: "list",
    assistant: assistant("whatsapp", [
      {
        id: "main",
        name: "main",
        interactions: [],
        end: {
          id: "menu",
          kind: "list_selector",
          prompt: "How can we help?",
          buttonLabel: "Options",
          options: [
            { id: "track", label: "Track my order", description: "Where is my parcel?", dialogId: "track" },
            { id: "returns", label: "Returns", dialogId: "returns" },
          ],
        },
      },
      landing("track"),
      landing("returns"),
    ]),
    steps: [],
    kind: "list",
    after: { track: "in track", returns: "in returns" },
  },
  {
    name: "cards",
    assistant: assistant("whatsapp", [
      {
        id: "main",
        name: "main",
        interactions: [
          { id: "ask", kind: "text_question", prompt: "Which order is it about?" },
          {
            id: "orders",
            kind: "object_selector",
            prompt: "Pick your order:",
            klass: "order",
            card: { title: "number", description: "status" },
            saveTo: { klass: "conversation", attribute: "orderId" },
            notAuthenticatedRedirect: "login",
            noResultsRedirect: "login",
          },
          { id: "after", kind: "send_message", text: "Order {{conversation.orderId}} it is." },
        ],
        end: { id: "end", kind: "transfer" },
      },
      landing("login"),
    ]),
    steps: [
      () => ({ type: "customer.text", text: "my shoes" }),
      (effects) => ({
        type: "objects.found",
        requestId: requestIdOf(effects, "objects.lookup"),
        authenticated: true,
        objects: [
          { id: "o1", attributes: { number: "A-1001", status: "Shipped" } },
          { id: "o2", attributes: { number: "A-1002", status: "Delivered" } },
          { id: "o3", attributes: { number: "A-1003", status: "Preparing" } },
        ],
      }),
    ],
    kind: "cards",
    after: { o1: "Order o1 it is.", o2: "Order o2 it is.", o3: "Order o3 it is." },
  },
  {
    name: "feedback",
    assistant: assistant("chat", [
      {
        id: "main",
        name: "main",
        interactions: [],
        end: {
          id: "rate",
          kind: "request_feedback",
          prompt: "How did we do?",
          design: "emoji",
          redirects: { positive: "happy", negative: "unhappy", neutral: "meh" },
        },
      },
      landing("happy"),
      landing("unhappy"),
      landing("meh"),
    ]),
    steps: [],
    kind: "feedback",
    after: { positive: "in happy", neutral: "in meh", negative: "in unhappy" },
  },
  {
    name: "articles",
    assistant: assistant("whatsapp", [
      {
        id: "main",
        name: "main",
        interactions: [],
        end: {
          id: "articles",
          kind: "article_deflection",
          knowledgeBaseId: "kb-help",
          prompt: "What is your question?",
          maxArticles: 3,
          redirects: { helped: "helped", notHelped: "agent", noArticles: "agent" },
        },
      },
      landing("helped"),
      landing("agent"),
    ]),
    steps: [
      () => ({ type: "customer.text", text: "How do I change my address?" }),
      (effects) => ({
        type: "articles.found",
        requestId: requestIdOf(effects, "articles.search"),
        articles: [
          { id: "a1", title: "Change your address", url: "https://help.example.com/address" },
          { id: "a2", title: "Update your profile", url: "https://help.example.com/profile" },
          { id: "a3", title: "Delivery options", url: "https://help.example.com/delivery" },
        ],
      }),
    ],
    kind: "articles",
    after: { helped: "in helped", not_helped: "in agent" },
  },
];

function stored(state: ConversationState): ConversationState {
  return parseState(JSON.parse(JSON.stringify(state)));
}

/** Plays the case up to its menu: the state waiting for the answer, and the message shown. */
function reachMenu(menuCase: MenuCase): { state: ConversationState; message: OutboundMessage } {
  let result = start(menuCase.assistant, {}, environment);
  for (const step of menuCase.steps) {
    result = advance(menuCase.assistant, stored(result.state), step(result.effects), environment);
  }
  const sent = result.effects.flatMap((effect) => (effect.type === "message.send" ? [effect.message] : []));
  const message = sent.find((candidate) => candidate.kind === menuCase.kind);
  if (!message)
    throw new Error(`no ${menuCase.kind} message among ${sent.map((each) => each.kind).join(", ")}`);
  return { state: result.state, message };
}

function optionsOf(message: OutboundMessage): ChoiceOption[] {
  if (message.kind === "cards") return message.cards;
  return "options" in message ? message.options : [];
}

/** What the customer reads after answering, as plain text. */
function said(effects: Effect[]): string {
  return effects
    .flatMap((effect) => (effect.type === "message.send" ? [plainTextOf(effect.message, "sms")] : []))
    .join("\n");
}

describe.each(cases)("a numbered $name menu", (menuCase) => {
  const { state, message } = reachMenu(menuCase);
  const options = optionsOf(message);

  it.each<TextStyle>(["sms", "whatsapp"])(
    "picks, on %s, the option each number is written beside",
    (style) => {
      const numbered = [...plainTextOf(message, style).matchAll(/^(\d+)\. (.*)$/gm)];
      expect(numbered).toHaveLength(options.length);
      for (const [, number = "", line = ""] of numbered) {
        const shown = options.find(
          (option) => line === option.label || line.startsWith(`${option.label} - `),
        );
        if (!shown) throw new Error(`line ${number} shows no option: ${line}`);
        const answered = advance(
          menuCase.assistant,
          stored(state),
          { type: "customer.text", text: number },
          environment,
        );
        expect(said(answered.effects), `answering ${number} (${line})`).toContain(menuCase.after[shown.id]);
      }
    },
  );
});

describe("the engine's own numbered menu", () => {
  it("reads the same as plainTextOf's, on a text-only channel", () => {
    const [buttonsCase] = cases;
    if (!buttonsCase) throw new Error("no buttons case");
    const onSms = assistant("sms", buttonsCase.assistant.dialogs);
    const engineText = said(start(onSms, {}, environment).effects);
    expect(plainTextOf(reachMenu(buttonsCase).message, "sms")).toBe(engineText);
  });
});
