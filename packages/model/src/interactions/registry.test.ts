import { describe, expect, it } from "vitest";
import { type AssistantType, assistantTypes, type Channel, channels } from "../channels.ts";
import {
  type AnyInteractionKind,
  allInteractionKinds,
  EndInteraction,
  endInteractionKinds,
  Interaction,
} from "../interaction.ts";
import { defineInteraction, type FieldDescription } from "./definition.ts";
import { valuesAt } from "./field-paths.ts";
import type { Redirect } from "./redirect.ts";
import {
  availableInteractionKinds,
  endInteractionDefinitions,
  interactionDefinition,
  interactionDefinitions,
  regularInteractionDefinitions,
} from "./registry.ts";

const condition = { scope: "customer", attribute: "email", operator: "contains", value: "@vip" };
const saveTo = { klass: "customer", attribute: "name" };

/** One of each kind with every optional field filled, so every path a definition names has a value. */
const samples: Record<AnyInteractionKind, Record<string, unknown>> = {
  send_message: {
    kind: "send_message",
    text: "Hello {{customer.name}}",
    attachments: [{ url: "https://example.com/a.png", mediaType: "image/png", name: "a.png" }],
  },
  text_question: { kind: "text_question", prompt: "Your name?", saveTo, understandIntents: true },
  button_question: {
    kind: "button_question",
    prompt: "Which?",
    buttons: [{ id: "yes", label: "Yes" }],
    saveTo,
  },
  attribute_question: {
    kind: "attribute_question",
    prompt: "Team?",
    attribute: { klass: "conversation", attribute: "assignedTeams" },
    values: ["CX", "Sales"],
    skipIfSet: true,
  },
  conditional_branch: {
    kind: "conditional_branch",
    branches: [
      {
        id: "vip",
        name: "VIP",
        match: "any",
        conditions: [condition],
        interactions: [{ id: "inner", kind: "send_message", text: "Hi" }],
        redirectTo: "vip-dialog",
      },
    ],
    otherwise: { interactions: [], redirectTo: "other-dialog" },
  },
  business_schedule: {
    kind: "business_schedule",
    scheduleId: "office-hours",
    duringHours: { interactions: [], redirectTo: "open" },
    outsideHours: { interactions: [], redirectTo: "closed" },
  },
  object_selector: {
    kind: "object_selector",
    prompt: "Which order?",
    klass: "order",
    card: { title: "number", description: "status", image: "photo" },
    saveTo,
    notAuthenticatedRedirect: "sign-in",
    noResultsRedirect: "no-orders",
  },
  run_workflow: {
    kind: "run_workflow",
    workflowId: "lookup",
    inputs: { email: "{{customer.email}}" },
    outputs: [{ output: "status", saveTo }],
  },
  update_attribute: {
    kind: "update_attribute",
    updates: [{ target: { klass: "conversation", attribute: "priority" }, value: "high", operation: "set" }],
  },
  play_prompt: { kind: "play_prompt", text: "Welcome", audioUrl: "https://example.com/welcome.mp3" },
  collect_customer_input: {
    kind: "collect_customer_input",
    prompt: "Press 1",
    mode: "digits_or_speech",
    options: [{ id: "one", digits: "1", phrases: ["one"], dialogId: "billing" }],
    saveTo,
    maxDigits: 4,
  },
  collect_language_preference: {
    kind: "collect_language_preference",
    prompt: "Language?",
    options: [
      { digits: "1", language: "en", label: "English" },
      { digits: "2", language: "es", label: "Español" },
    ],
  },
  request_feedback: {
    kind: "request_feedback",
    prompt: "How did we do?",
    design: "emoji",
    redirects: { positive: "thanks", negative: "sorry", neutral: "thanks" },
  },
  ai_response: {
    kind: "ai_response",
    knowledgeBaseId: "kb",
    aiProfileId: "profile",
    prompt: "Ask away",
    understandIntents: true,
    feedbackPrompt: "Did it help?",
    redirects: { answered: "done", notAnswered: "agent", negativeFeedback: "agent" },
    attemptsBeforeHandover: 3,
    handoverMessage: "An agent will help",
    handoverTeamId: "support",
  },
  navigation_buttons: {
    kind: "navigation_buttons",
    prompt: "Where to?",
    buttons: [{ id: "sales", label: "Sales", dialogId: "sales" }],
    saveTo,
  },
  article_deflection: {
    kind: "article_deflection",
    knowledgeBaseId: "kb",
    prompt: "Question?",
    understandIntents: true,
    maxArticles: 2,
    foundMessage: "These might help:",
    helpedLabel: "Thanks",
    notHelpedLabel: "Not quite",
    redirects: { helped: "done", notHelped: "agent", noArticles: "agent" },
  },
  list_selector: {
    kind: "list_selector",
    prompt: "Pick one",
    buttonLabel: "Options",
    options: [{ id: "a", label: "A", description: "The first", dialogId: "a" }],
    saveTo,
    understandIntents: true,
  },
  redirect: { kind: "redirect", dialogId: "next" },
  transfer: {
    kind: "transfer",
    message: "Connecting you",
    teamId: "support",
    routing: { priority: 2, queue: "vip", skills: ["billing"] },
  },
  voicemail: { kind: "voicemail", prompt: "Leave a message", maxSeconds: 60 },
  end_conversation: { kind: "end_conversation", message: "Bye" },
};

function parsedSample(kind: AnyInteractionKind): unknown {
  return interactionDefinition(kind).schema.parse({ id: `${kind}-1`, ...samples[kind] });
}

/** The names of spec 04 ("Conversational assistant interactions"), in its order. */
const specNames = [
  "Send message",
  "Text question",
  "Button question",
  "Attribute question",
  "Conditional branch",
  "Business schedule",
  "Object selector",
  "Run workflow",
  "Update attribute",
  "Play prompt",
  "Collect customer input",
  "Collect language preference",
  "Request feedback",
  "AI response",
  "Navigation buttons",
  "Article deflection",
  "List selector",
  "Redirect to dialog",
  "Transfer to an agent",
  "Send to voicemail",
  "End conversation",
];

describe("the interaction registry", () => {
  it("has one definition for every kind of the model's unions, under its own kind", () => {
    expect(Object.keys(interactionDefinitions).sort()).toEqual([...allInteractionKinds].sort());
    for (const kind of allInteractionKinds) expect(interactionDefinitions[kind].kind).toBe(kind);
    expect(endInteractionDefinitions.map((definition) => definition.kind)).toEqual(endInteractionKinds);
    expect(regularInteractionDefinitions.every((definition) => !definition.end)).toBe(true);
    expect(endInteractionDefinitions.every((definition) => definition.end)).toBe(true);
  });

  it("holds the very schemas the unions accept", () => {
    for (const kind of allInteractionKinds) {
      const definition = interactionDefinitions[kind];
      const union = definition.end ? EndInteraction : Interaction;
      expect((union as unknown as { options: unknown[] }).options).toContain(definition.schema);
      expect(union.parse({ id: `${kind}-1`, ...samples[kind] })).toEqual(parsedSample(kind));
    }
  });

  it("labels each kind with its spec 04 name, each name once", () => {
    expect(allInteractionKinds.map((kind) => interactionDefinitions[kind].label)).toEqual(specNames);
    expect(interactionDefinitions.text_question.alsoKnownAs).toContain("Customer Text Response");
  });

  it("names only fields that exist: nested paths, references, text templates and option lists", () => {
    for (const kind of allInteractionKinds) {
      const definition = interactionDefinitions[kind];
      const parsed = parsedSample(kind);
      const paths = [
        ...definition.nestedPaths.map((nested) => nested.path),
        ...definition.references.map((reference) => reference.path),
        ...definition.textTemplateFields,
        ...definition.optionIds.map((list) => list.path),
      ];
      for (const path of paths) expect(valuesAt(parsed, path), `${kind}: ${path}`).not.toEqual([]);
    }
  });

  it("finds the references of a kind where the admin put them", () => {
    const parsed = parsedSample("ai_response");
    const dialogs = interactionDefinitions.ai_response.references
      .filter((reference) => reference.target === "dialog")
      .flatMap((reference) => valuesAt(parsed, reference.path).map((found) => found.value));
    expect(dialogs).toEqual(["done", "agent", "agent"]);
    const templates = interactionDefinitions.run_workflow.textTemplateFields.flatMap((path) =>
      valuesAt(parsedSample("run_workflow"), path),
    );
    expect(templates).toEqual([{ value: "{{customer.email}}", segments: ["inputs", "email"] }]);
  });

  it("describes form fields that exist, required exactly when the schema needs them", () => {
    const check = (
      kind: AnyInteractionKind,
      fields: readonly FieldDescription[],
      holder: Record<string, unknown>,
      rebuild: (changed: Record<string, unknown>) => Record<string, unknown>,
    ) => {
      for (const field of fields) {
        expect(valuesAt(holder, field.key), `${kind}: ${field.key}`).not.toEqual([]);
        const segments = field.key.split(".");
        const without = structuredClone(holder);
        let parent: Record<string, unknown> = without;
        for (const segment of segments.slice(0, -1)) parent = parent[segment] as Record<string, unknown>;
        delete parent[segments.at(-1) as string];
        const accepted = interactionDefinition(kind).schema.safeParse(rebuild(without)).success;
        expect(accepted, `${kind}: ${field.key} is ${field.required ? "required" : "optional"}`).toBe(
          !field.required,
        );
        if (field.items === undefined) continue;
        const list = valuesAt(holder, field.key)[0]?.value as Record<string, unknown>[];
        check(kind, field.items, list[0] as Record<string, unknown>, (item) =>
          rebuild({ ...holder, [field.key]: [item, ...list.slice(1)] }),
        );
      }
    };
    for (const kind of allInteractionKinds) {
      const sample = { id: "x", ...samples[kind] };
      check(kind, interactionDefinitions[kind].fields, sample, (changed) => changed);
    }
  });
});

/** The two availability tables of shared/reference/spec-notes.md, as written there. */
const channelTable = `
| send message | x | x | x | | x | x |
| text question | x | x | x | | x | x |
| button question | x | | | | | |
| attribute question | x | | | | | |
| conditional branch | x | x | x | | x | x |
| business schedule | x | x | x | x | x | x |
| object selector | x | x | | | | |
| run workflow | x | x | x | | x | x |
| update attribute | x | x | x | | x | x |
| play prompt | | | | x | | |
| collect customer input | | | | x | | |
| collect language preference | | | | x | | |
| request feedback (end) | x | x | | | | |
| AI response (end) | x | x | | | | |
| navigation buttons (end) | x | x | | | | |
| article deflection (end) | x | | | | | |
| list selector (end, up to 10 options) | | x | | | | |
| redirect to dialog (end) | x | x | x | x | x | x |
| transfer to an agent (end) | x | x | x | x | x | x |
| send to voicemail (end) | | | | x | | |
| end conversation (end) | x | x | x | | x | x |`;

const typeTable = `
| send message, text question, button question, attribute question, conditional branch, business schedule, update attribute, navigation buttons, list selector, redirect to dialog, transfer to an agent | x | x | x |
| play prompt, collect customer input, collect language preference, send to voicemail (voice is Lite only) | x | | |
| object selector, run workflow, request feedback, article deflection, end conversation, intents | | x | x |
| AI response | | x | |`;

function kindNamed(name: string): AnyInteractionKind | undefined {
  const plain = name.replace(/\s*\(.*\)$/, "").toLowerCase();
  return allInteractionKinds.find((kind) => interactionDefinitions[kind].label.toLowerCase() === plain);
}

function tableRows(table: string): { names: string[]; marks: boolean[] }[] {
  return table
    .trim()
    .split("\n")
    .map((line) => {
      const [names = "", ...cells] = line.split("|").slice(1, -1);
      return {
        names: names.split(", ").map((name) => name.trim()),
        marks: cells.map((cell) => cell.trim() === "x"),
      };
    });
}

describe("availability", () => {
  it("agrees with the channel table of spec-notes.md", () => {
    const rows = tableRows(channelTable);
    expect(rows).toHaveLength(allInteractionKinds.length);
    for (const { names, marks } of rows) {
      const kind = kindNamed(names.join(", "));
      expect(kind, names[0]).toBeDefined();
      const expected = channels.filter((_channel, index) => marks[index]);
      expect(interactionDefinitions[kind as AnyInteractionKind].availability.channels, names[0]).toEqual(
        expected,
      );
    }
  });

  it("agrees with the assistant type table of spec-notes.md", () => {
    const seen: AnyInteractionKind[] = [];
    for (const { names, marks } of tableRows(typeTable)) {
      const expected = assistantTypes.filter((_type, index) => marks[index]);
      for (const name of names) {
        if (name === "intents") continue;
        const kind = kindNamed(name);
        expect(kind, name).toBeDefined();
        seen.push(kind as AnyInteractionKind);
        expect(interactionDefinitions[kind as AnyInteractionKind].availability.assistantTypes, name).toEqual(
          expected,
        );
      }
    }
    expect([...seen].sort()).toEqual([...allInteractionKinds].sort());
  });

  it("puts end interactions only at a dialog's end, and lets schedules hold what spec 04 lists", () => {
    for (const definition of endInteractionDefinitions)
      expect(definition.availability.positions).toEqual(["end"]);
    expect(
      availableInteractionKinds({ channel: "chat", assistantType: "premium", position: "business_schedule" }),
    ).toEqual([
      "send_message",
      "text_question",
      "button_question",
      "attribute_question",
      "run_workflow",
      "update_attribute",
    ]);
  });

  it("offers the menus in display order for a channel and type", () => {
    const menu = (channel: Channel, assistantType: AssistantType, end: boolean) =>
      availableInteractionKinds({ channel, assistantType, end });
    expect(menu("voice", "lite", false)).toEqual([
      "business_schedule",
      "play_prompt",
      "collect_customer_input",
      "collect_language_preference",
    ]);
    expect(menu("voice", "lite", true)).toEqual(["redirect", "transfer", "voicemail"]);
    expect(menu("sms", "lite", true)).toEqual(["redirect", "transfer"]);
    expect(menu("whatsapp", "premium", true)).toEqual([
      "request_feedback",
      "ai_response",
      "navigation_buttons",
      "list_selector",
      "redirect",
      "transfer",
      "end_conversation",
    ]);
  });
});

// A definition's paths are checked against its kind's type: a misspelt field does not compile.
defineInteraction<Redirect>({
  ...interactionDefinitions.redirect,
  kind: "redirect",
  schema: interactionDefinition("redirect").schema,
  waitsForCustomer: () => false,
  nestedPaths: [],
  references: [],
  textTemplateFields: [],
  optionIds: [],
  // @ts-expect-error "dialog" is not a field of a redirect ("dialogId" is).
  fields: [{ key: "dialog", label: "Redirect to", kind: "dialog", required: true }],
});
