// @vitest-environment jsdom
import type { EndInteraction, Interaction } from "@parley/model";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderInteractionForm, testAssistant } from "./test-support.tsx";

const say = (id: string) => ({ id, kind: "send_message" as const, text: "Hello" });

/** One interaction of every kind, as spec 04 and the assistant format describe them. */
const interactions: Interaction[] = [
  {
    id: "i1",
    kind: "send_message",
    text: "Hello",
    attachments: [{ url: "https://example.com/a.png", mediaType: "image/png" }],
  },
  {
    id: "i2",
    kind: "text_question",
    prompt: "Name?",
    saveTo: { klass: "customer", attribute: "name" },
    understandIntents: true,
  },
  {
    id: "i3",
    kind: "button_question",
    prompt: "Order?",
    buttons: [{ id: "yes", label: "Yes" }],
    saveTo: { klass: "conversation", attribute: "name" },
  },
  {
    id: "i4",
    kind: "attribute_question",
    prompt: "Team?",
    attribute: { klass: "conversation", attribute: "assignedTeams" },
    values: ["CX"],
    skipIfSet: true,
  },
  {
    id: "i5",
    kind: "conditional_branch",
    branches: [
      {
        id: "b",
        match: "any",
        conditions: [
          {
            scope: "customer",
            attribute: "email",
            operator: "ends_with",
            value: "@acme.com",
            caseSensitive: true,
          },
        ],
        interactions: [say("nested")],
        redirectTo: "complete",
      },
    ],
    otherwise: { interactions: [], redirectTo: "welcome" },
  },
  {
    id: "i6",
    kind: "business_schedule",
    scheduleId: "schedule-1",
    duringHours: { interactions: [say("open")] },
    outsideHours: { interactions: [], redirectTo: "complete" },
  },
  {
    id: "i7",
    kind: "object_selector",
    prompt: "Which order?",
    klass: "order",
    card: { title: "number", description: "status" },
    notAuthenticatedRedirect: "welcome",
    noResultsRedirect: "complete",
  },
  {
    id: "i8",
    kind: "run_workflow",
    workflowId: "lookup-order",
    inputs: { email: "{{customer.email}}" },
    outputs: [{ output: "status", saveTo: { klass: "conversation", attribute: "name" } }],
  },
  {
    id: "i9",
    kind: "update_attribute",
    updates: [
      { target: { klass: "conversation", attribute: "priority" }, value: 4, operation: "set" },
      { target: { klass: "conversation", attribute: "tags" }, value: ["vip"], operation: "add" },
      {
        target: { klass: "conversation", attribute: "name" },
        value: "VIP {{customer.name}}",
        operation: "set",
      },
    ],
  },
  { id: "i10", kind: "play_prompt", text: "Thanks for calling.", audioUrl: "https://example.com/hello.mp3" },
  {
    id: "i11",
    kind: "collect_customer_input",
    prompt: "Press 1",
    mode: "digits_or_speech",
    options: [{ id: "o", digits: "1", phrases: ["orders"], dialogId: "complete" }],
    maxDigits: 4,
  },
  {
    id: "i12",
    kind: "collect_language_preference",
    prompt: "Language?",
    options: [
      { digits: "1", language: "en", label: "English" },
      { digits: "2", language: "es", label: "Español" },
    ],
  },
];

const ends: EndInteraction[] = [
  {
    id: "e1",
    kind: "request_feedback",
    prompt: "How did we do?",
    design: "emoji",
    redirects: { positive: "complete", negative: "welcome", neutral: "complete" },
  },
  {
    id: "e2",
    kind: "ai_response",
    knowledgeBaseId: "kb-1",
    aiProfileId: "profile-1",
    prompt: "Ask me",
    understandIntents: false,
    feedbackPrompt: "Did that help?",
    redirects: { answered: "complete", notAnswered: "complete", negativeFeedback: "complete" },
    attemptsBeforeHandover: 2,
    handoverMessage: "Connecting you",
    handoverTeamId: "team-cx",
  },
  {
    id: "e3",
    kind: "navigation_buttons",
    prompt: "Where to?",
    buttons: [{ id: "b", label: "Sales", dialogId: "complete" }],
  },
  {
    id: "e4",
    kind: "article_deflection",
    knowledgeBaseId: "kb-1",
    understandIntents: false,
    maxArticles: 3,
    foundMessage: "These might help:",
    helpedLabel: "That helped",
    notHelpedLabel: "I still need help",
    redirects: { helped: "complete", notHelped: "complete", noArticles: "complete" },
  },
  {
    id: "e5",
    kind: "list_selector",
    prompt: "Pick",
    buttonLabel: "Choose",
    options: [{ id: "o", label: "Orders", description: "Track", dialogId: "complete" }],
    understandIntents: false,
  },
  { id: "e6", kind: "redirect", dialogId: "complete" },
  {
    id: "e7",
    kind: "transfer",
    message: "Bye",
    teamId: "team-cx",
    routing: { priority: 2, queue: "vip", skills: ["billing"] },
  },
  { id: "e8", kind: "voicemail", prompt: "Leave a message", maxSeconds: 60 },
  { id: "e9", kind: "end_conversation", message: "Goodbye" },
];

/** Inputs an admin types or picks in (toggles are labelled by the field they switch; Mantine's hidden measuring copies and the placeholder search are not fields). */
function valueInputs(): HTMLElement[] {
  return [
    ...document.querySelectorAll<HTMLElement>(
      "textarea:not([aria-hidden=true]), input:not([type=checkbox]):not([type=radio]):not([type=hidden]):not(.mantine-Combobox-search)",
    ),
  ];
}

/** A workflow input's name is a key of `inputs`: JSON pointers name values, not keys. */
const isKey = (input: HTMLElement) =>
  input.closest("[role=group]")?.getAttribute("aria-label")?.startsWith("input ") &&
  input.getAttribute("data-pointer") === null;

describe("InteractionForm", () => {
  for (const [kind, definition, at] of [
    ...interactions.map(
      (interaction) => [interaction.kind, testAssistant([interaction]), "interactions"] as const,
    ),
    ...ends.map((end) => [end.kind, testAssistant([], end), "end"] as const),
  ]) {
    it(`${kind}: every field carries its JSON pointer, and a reader cannot change any`, () => {
      const form = renderInteractionForm(definition, { at });
      const inputs = valueInputs();
      expect(inputs.length).toBeGreaterThan(0);
      const withoutPointer = inputs
        .filter((input) => !isKey(input))
        .filter((input) => !(input.getAttribute("data-pointer") ?? "").startsWith(`${form.pointer}/`))
        .map((input) => input.outerHTML.slice(0, 240));
      expect(withoutPointer).toEqual([]);
      expect(screen.queryByText(/has no form/)).toBeNull();
    });
  }

  it("shows nothing editable to a user who can only read", () => {
    renderInteractionForm(testAssistant([interactions[4] as Interaction]), { readOnly: true });
    for (const input of valueInputs()) {
      expect(input.hasAttribute("readonly") || input.hasAttribute("disabled"), input.outerHTML).toBe(true);
    }
    expect(screen.queryByRole("button", { name: /^(Add|Remove|Move)/ })).toBeNull();
  });
});
