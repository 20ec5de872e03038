import { describe, expect, it } from "vitest";
import {
  aiResponse,
  assistant,
  complete,
  dialog,
  listSelector,
  problemsCoded,
  textQuestion,
  welcome,
} from "./test-assistants.ts";

const mapping = { intent: "track_order", dialogId: "complete" };

describe("intents", () => {
  it("are refused on Lite, as mappings and as understandIntents flags", () => {
    const definition = assistant({
      type: "lite",
      dialogs: [welcome([textQuestion("ask", { understandIntents: true })]), complete()],
      intents: [mapping],
    });
    expect(problemsCoded(definition, "intents_unavailable_for_type")).toEqual([
      expect.objectContaining({ path: "/dialogs/0/interactions/0/understandIntents", severity: "error" }),
      expect.objectContaining({ path: "/intents", severity: "error" }),
    ]);
  });

  it("may not be mapped twice", () => {
    const definition = assistant({
      dialogs: [welcome([textQuestion("ask", { understandIntents: true })]), complete()],
      intents: [mapping, { ...mapping, dialogId: "welcome" }],
    });
    expect(problemsCoded(definition, "duplicate_intent_mapping")).toEqual([
      expect.objectContaining({ path: "/intents/1/intent", severity: "error" }),
    ]);
  });

  it("warn when an interaction understands intents but none is mapped", () => {
    const definition = assistant({
      dialogs: [welcome([], aiResponse("answer", { understandIntents: true })), complete()],
    });
    expect(problemsCoded(definition, "understand_intents_without_mappings")).toEqual([
      expect.objectContaining({ path: "/dialogs/0/end/understandIntents", severity: "warning" }),
    ]);
  });

  it("warn when intents are mapped but no interaction understands them", () => {
    const definition = assistant({ intents: [mapping] });
    expect(problemsCoded(definition, "intent_mappings_unused")).toEqual([
      expect.objectContaining({ path: "/intents", severity: "warning" }),
    ]);
  });

  it("are checked against the organization's intents when given", () => {
    const definition = assistant({
      dialogs: [welcome([textQuestion("ask", { understandIntents: true })]), complete()],
      intents: [mapping],
    });
    expect(problemsCoded(definition, "unknown_intent", { intents: ["cancel_order"] })).toEqual([
      expect.objectContaining({ path: "/intents/0/intent", severity: "error" }),
    ]);
    expect(problemsCoded(definition, "unknown_intent", { intents: ["track_order"] })).toEqual([]);
  });
});

describe("the no-intent behaviour", () => {
  const redirectWhenNoIntent = { behaviour: { noIntentMatch: { action: "redirect", dialogId: "complete" } } };

  it("warns that a redirect only applies to WhatsApp", () => {
    const definition = assistant({ channel: "chat", settings: redirectWhenNoIntent });
    expect(problemsCoded(definition, "no_intent_behaviour_not_applicable")).toEqual([
      expect.objectContaining({ path: "/settings/behaviour/noIntentMatch", severity: "warning" }),
    ]);
  });

  it("accepts a redirect on WhatsApp", () => {
    const definition = assistant({
      channel: "whatsapp",
      settings: redirectWhenNoIntent,
      dialogs: [welcome([], listSelector("topics", ["complete"])), dialog("other", "Other"), complete()],
    });
    expect(problemsCoded(definition, "no_intent_behaviour_not_applicable")).toEqual([]);
  });
});
