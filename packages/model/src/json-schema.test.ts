import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assistantJsonSchema, assistantJsonSchemaText } from "./json-schema.ts";

const committedFile = new URL("../generated/assistant.schema.json", import.meta.url);

describe("the committed JSON Schema", () => {
  it("matches the Zod schemas (run `npm run schema` when this fails)", () => {
    expect(readFileSync(committedFile, "utf8")).toBe(assistantJsonSchemaText());
  });

  it("has an id, a title and the definitions of every interaction", () => {
    const schema = assistantJsonSchema();
    expect(schema.$id).toBe("urn:parley:assistant:v1");
    expect(schema.title).toBe("Parley assistant");
    expect(Object.keys(schema.$defs as object)).toEqual(
      expect.arrayContaining([
        "Assistant",
        "Dialog",
        "Interaction",
        "EndInteraction",
        "SendMessage",
        "ListSelector",
      ]),
    );
  });
});
