/**
 * No customer text, of any content or length, may throw out of the engine or
 * send a conversation down the error path; what the engine keeps of it is capped.
 */
import type { Assistant, Channel } from "@parley/model";
import { describe, expect, it } from "vitest";
import {
  Conversation,
  type EndSpec,
  effectsOf,
  type InteractionSpec,
  keywordIntents,
  oneDialog,
} from "../test/builders.ts";
import type { ConversationEvent, Effect } from "./index.ts";

const maxKept = 4000;

function everything(channel: Channel, type: "premium" | "lite", end: EndSpec) {
  const ask: InteractionSpec[] = [
    {
      id: "name",
      kind: "text_question",
      prompt: "Name, {{customer.name}}?",
      saveTo: { klass: "customer", attribute: "name" },
      understandIntents: true,
    },
    {
      id: "team",
      kind: "button_question",
      prompt: "Team?",
      buttons: [
        { id: "a", label: "Sales" },
        { id: "b", label: "Help" },
      ],
      saveTo: { klass: "conversation", attribute: "team" },
    },
    {
      id: "pick",
      kind: "attribute_question",
      prompt: "Pick",
      attribute: { klass: "conversation", attribute: "tier" },
      values: ["Sales", "{{"],
    },
    {
      id: "check",
      kind: "conditional_branch",
      branches: [
        {
          id: "b",
          match: "any",
          conditions: [
            { scope: "message", attribute: "text", operator: "contains", value: "{{" },
            { scope: "customer", attribute: "name", operator: "greater_than", value: 3 },
          ],
          interactions: [
            { id: "echo", kind: "send_message", text: "{{customer.name}} {{conversation.team}}" },
          ],
        },
      ],
    },
  ];
  const voice: InteractionSpec[] = [
    {
      id: "lang",
      kind: "collect_language_preference",
      prompt: "Language?",
      options: [
        { digits: "1", language: "en", label: "English" },
        { digits: "2", language: "es", label: "Español" },
      ],
    },
    {
      id: "input",
      kind: "collect_customer_input",
      prompt: "Say it",
      mode: "digits_or_speech",
      saveTo: { klass: "conversation", attribute: "said" },
      options: [{ id: "o", digits: "1", phrases: ["{{"], dialogId: "main" }],
    },
  ];
  return oneDialog(channel === "voice" ? voice : ask, end, {
    channel,
    type,
    intents: [{ intent: "contact_human_agent", dialogId: "main" }],
    settings: {
      behaviour: { noIntentMatch: { action: "redirect", dialogId: "main" } },
      volumeControl: { agentMissed: { enabled: true } },
    },
  });
}

const redirects = { answered: "main", notAnswered: "main", negativeFeedback: "main" };
const assistants = [
  everything("chat", "premium", {
    id: "ai",
    kind: "ai_response",
    knowledgeBaseId: "kb",
    understandIntents: true,
    attemptsBeforeHandover: 10,
    redirects,
  }),
  everything("chat", "premium", {
    id: "kb",
    kind: "article_deflection",
    knowledgeBaseId: "kb",
    understandIntents: true,
    redirects: { helped: "main", notHelped: "main", noArticles: "main" },
  }),
  everything("whatsapp", "premium", {
    id: "list",
    kind: "list_selector",
    prompt: "List",
    understandIntents: true,
    options: [{ id: "x", label: "Again", dialogId: "main" }],
  }),
  everything("sms", "lite", {
    id: "nav",
    kind: "navigation_buttons",
    prompt: "Nav",
    buttons: [{ id: "x", label: "Again", dialogId: "main" }],
  }),
  everything("chat", "premium", { id: "end", kind: "transfer" }),
  everything("voice", "lite", { id: "vm", kind: "voicemail" }),
];

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let value = seed;
  return () => {
    value = (value + 0x6d2b79f5) | 0;
    let mixed = Math.imul(value ^ (value >>> 15), 1 | value);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fragments that answer something (numbers, labels, option ids) mixed with ones that should break things. */
const pieces = [
  ...[
    "1",
    "2",
    "sales",
    "agent",
    "value-1",
    "a",
    "x",
    "positive",
    "negative",
    "helped",
    "email",
    "wait",
    "ada@example.com",
  ],
  ...[
    "{{",
    "}}",
    "{{customer.name}}",
    "{{snippet.x}}",
    "😀",
    "1️⃣",
    "\u0000",
    "\u001b[31m",
    "\uD800",
    "\uDFFF",
    "\u202E",
  ],
  ...["__proto__", " ", "\n", "@", "+1917", "é"],
];

function randomText(next: () => number): string {
  const piece = () => pieces[Math.floor(next() * pieces.length)] ?? "";
  if (next() < 0.4) return piece();
  const parts: string[] = [];
  const count = Math.floor(next() * 12);
  for (let part = 0; part < count; part += 1) {
    parts.push(next() < 0.5 ? piece() : String.fromCharCode(Math.floor(next() * 0x10000)));
  }
  return parts.join("");
}

const fixedTexts = [
  "",
  "   ",
  "\u0000\u0001\u0002",
  "\uD800",
  "\uDC00abc\uD83D",
  "{{",
  "}}{{",
  "{{customer.name}}",
  "😀".repeat(10_000),
  "\u202Eevil",
  "a".repeat(1_000_000),
  "x ".repeat(300_000),
];

/** Replies to what the engine asked for, so the conversation keeps moving. */
function reply(effects: Effect[], text: string): ConversationEvent | null {
  const request = effects.find((effect) => "requestId" in effect) as
    | { type: string; requestId: string }
    | undefined;
  if (!request) return null;
  const { requestId } = request;
  if (request.type === "answer.request")
    return {
      type: "answer.generated",
      requestId,
      answer: { found: text.length % 2 === 0, text: text.slice(0, 100), citations: [] },
    };
  if (request.type === "articles.search")
    return {
      type: "articles.found",
      requestId,
      articles: text.length % 2 ? [] : [{ id: "a", title: text.slice(0, 50), url: "https://x" }],
    };
  return null;
}

function checkTurn(conversation: Conversation, effects: Effect[]): void {
  expect(JSON.stringify(conversation.state).length).toBeLessThan(40_000);
  for (const set of effectsOf(effects, "attribute.set")) {
    if (typeof set.value === "string") expect(set.value.length).toBeLessThanOrEqual(maxKept);
  }
  for (const transfer of effectsOf(effects, "conversation.transfer"))
    expect(transfer.reason).not.toMatch(/^error/);
}

/** Option ids are pressed as buttons half of the time; some long texts are pressed as unknown ids. */
const optionIds = new Set([
  "value-1",
  "a",
  "x",
  "positive",
  "negative",
  "helped",
  "email",
  "wait",
  "__proto__",
]);
function pressed(text: string): boolean {
  return optionIds.has(text) ? text.length % 2 === 0 : text.length > 20 && text.length % 4 === 0;
}

/** Whether the assistant is done with the conversation: a new one starts for the next text. */
function finished(conversation: Conversation): boolean {
  if (conversation.status === "running") return false;
  if (conversation.status !== "missed") return true;
  return conversation.history.some(
    (effect) => effect.type === "conversation.end" || effect.type === "follow_up.record",
  );
}

/** Plays the texts through as many conversations as it takes; returns what happened, by effect. */
function play(
  assistant: Assistant,
  texts: string[],
  press: (text: string) => boolean = pressed,
): Record<string, number> {
  const seen: Record<string, number> = {};
  const detectIntent = keywordIntents({ agent: "contact_human_agent" }).detectIntent;
  let conversation = new Conversation(assistant, { detectIntent });
  const turn = (effects: Effect[]) => {
    checkTurn(conversation, effects);
    for (const effect of effects) seen[effect.type] = (seen[effect.type] ?? 0) + 1;
    return effects;
  };
  turn(conversation.start());
  for (const text of texts) {
    if (finished(conversation)) {
      conversation = new Conversation(assistant, { detectIntent });
      turn(conversation.start());
    }
    const effects = turn(press(text) ? conversation.choose(text.slice(0, 128)) : conversation.say(text));
    const result = reply(effects, text);
    if (result) turn(conversation.send(result));
    if (conversation.status === "transferred" && conversation.timers.has("missed"))
      turn(conversation.fire("missed"));
  }
  return seen;
}

const cases = assistants.map(
  (assistant) => [`${assistant.channel} ${assistant.dialogs[0]?.end?.kind}`, assistant] as const,
);

describe("customer text of any content or length", () => {
  it.each(cases)("%s: fixed hard cases", (_name, assistant) => {
    play(assistant, fixedTexts, () => false);
    play(assistant, fixedTexts, (text) => text !== "");
  });

  it.each(cases)("%s: 300 random texts", (name, assistant) => {
    const next = random(name.length * 7919);
    const seen = play(
      assistant,
      Array.from({ length: 300 }, () => randomText(next)),
    );
    // The texts must get past the first questions, not only bounce off them.
    expect(seen["attribute.set"]).toBeGreaterThan(5);
  });

  it("keeps at most 4000 characters of a 1 MB message", () => {
    const conversation = new Conversation(everything("chat", "premium", { id: "end", kind: "transfer" }));
    conversation.start();
    const effects = conversation.say(`  ${"a".repeat(1_000_000)}  `);
    expect(effectsOf(effects, "attribute.set")[0]?.value).toBe("a".repeat(maxKept));
    expect(JSON.stringify(conversation.state).length).toBeLessThan(20_000);
  });
});
