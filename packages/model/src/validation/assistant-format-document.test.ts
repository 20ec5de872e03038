import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IntentMapping } from "../assistant.ts";
import { EndInteraction, endInteractionKinds, Interaction } from "../interaction.ts";
import { AssistantSettings } from "../settings.ts";
import { validateAssistant } from "./index.ts";

const document = readFileSync(new URL("../../../../docs/assistant-format.md", import.meta.url), "utf8");
const examples = [...document.matchAll(/```json\n([\s\S]*?)```/g)].map(
  (match) => JSON.parse(match[1] ?? "") as unknown,
);
const endKinds: readonly string[] = endInteractionKinds;

function kindOf(example: unknown): string | undefined {
  const kind = (example as { kind?: unknown }).kind;
  return typeof kind === "string" ? kind : undefined;
}

/** The examples of docs/assistant-format.md are valid: a wrong example teaches the wrong thing. */
describe("the examples of docs/assistant-format.md", () => {
  it("are all JSON, and there is one for every interaction kind", () => {
    const kinds = new Set(examples.map(kindOf));
    for (const kind of [...endInteractionKinds, "send_message", "text_question", "update_attribute"]) {
      expect(kinds).toContain(kind);
    }
  });

  it("validate: the complete assistant without a problem, each interaction against its schema", () => {
    for (const example of examples) {
      const kind = kindOf(example);
      if (typeof example === "object" && example !== null && "schemaVersion" in example) {
        expect(validateAssistant(example).problems).toEqual([]);
      } else if (kind !== undefined) {
        const schema = endKinds.includes(kind) ? EndInteraction : Interaction;
        expect(schema.safeParse(example).error?.issues ?? []).toEqual([]);
      } else if (typeof example === "object" && example !== null && "intent" in example) {
        expect(IntentMapping.safeParse(example).success).toBe(true);
      } else {
        expect(AssistantSettings.safeParse(example).error?.issues ?? []).toEqual([]);
      }
    }
  });
});
