import { describe, expect, it } from "vitest";
import { Conversation, oneDialog } from "../test/builders.ts";
import { advance, currentStateVersion, initialState, parseState, StateError } from "./index.ts";

function midConversation() {
  const assistant = oneDialog(
    [
      {
        id: "name",
        kind: "text_question",
        prompt: "Name?",
        saveTo: { klass: "customer", attribute: "name" },
      },
      {
        id: "check",
        kind: "conditional_branch",
        branches: [
          {
            id: "b",
            conditions: [{ scope: "customer", attribute: "name", operator: "is_set" }],
            interactions: [
              { id: "pick", kind: "button_question", prompt: "Pick", buttons: [{ id: "x", label: "X" }] },
            ],
          },
        ],
      },
    ],
    { id: "end", kind: "transfer" },
    { settings: { volumeControl: { abandon: { enabled: true } } } },
  );
  const conversation = new Conversation(assistant);
  conversation.start();
  conversation.say("Ada 😀 {{customer.name}}");
  return { assistant, conversation };
}

describe("conversation state", () => {
  it("is plain JSON that parseState reads back unchanged", () => {
    const { conversation } = midConversation();
    const state = conversation.state;
    const copy = JSON.parse(JSON.stringify(state));
    expect(parseState(copy)).toEqual(state);
    expect(state.version).toBe(currentStateVersion);
  });

  it("goes on the same from a state read back from JSON", () => {
    const { assistant, conversation } = midConversation();
    const event = { type: "customer.choice", optionId: "x" } as const;
    const direct = advance(assistant, conversation.state, event, conversation.environment);
    const reread = advance(
      assistant,
      parseState(JSON.parse(JSON.stringify(conversation.state))),
      event,
      conversation.environment,
    );
    expect(reread).toEqual(direct);
  });

  it("does not change the state it is given", () => {
    const { assistant, conversation } = midConversation();
    const state = conversation.state;
    const before = JSON.stringify(state);
    advance(assistant, state, { type: "customer.choice", optionId: "x" }, conversation.environment);
    expect(JSON.stringify(state)).toBe(before);
  });

  it("refuses a state written by a newer engine", () => {
    const newer = { ...initialState("en"), version: currentStateVersion + 1 };
    expect(() => parseState(newer)).toThrow(StateError);
    expect(() => parseState(newer)).toThrow(/newer than this engine/);
  });

  it.each([
    ["/frames/0/1", (state: Record<string, unknown>) => ({ ...state, frames: [["main", -1]] })],
    ["/status", (state: Record<string, unknown>) => ({ ...state, status: "sleeping" })],
    ["/waiting/for", (state: Record<string, unknown>) => ({ ...state, waiting: { for: "nothing" } })],
    ["/timers/reminder", (state: Record<string, unknown>) => ({ ...state, timers: { reminder: 5 } })],
  ])("names the bad path %s", (path, spoil) => {
    const bad = spoil(initialState("en") as unknown as Record<string, unknown>);
    expect(() => parseState(bad)).toThrow(StateError);
    expect(() => parseState(bad)).toThrow(`invalid conversation state at ${path}:`);
  });

  it.each([[null], ["state"], [42], [{}]])("refuses %j", (input) => {
    expect(() => parseState(input)).toThrow(StateError);
  });
});
