import { describe, expect, it } from "vitest";
import { ApiError } from "../http/errors.ts";
import { stampIdentity } from "./identity.ts";
import { readMigrationBody, remapKnowledgeBases } from "./migration-import.ts";
import { parseIfMatch } from "./revisions.ts";

const definition = {
  schemaVersion: 1,
  id: "old",
  dialogs: [
    {
      id: "welcome",
      assistantId: "old",
      interactions: [],
      end: { id: "ai", kind: "ai_response", knowledgeBaseId: "kb-1" },
    },
    {
      id: "faq",
      assistantId: "old",
      interactions: [],
      end: { id: "d", kind: "article_deflection", knowledgeBaseId: "kb-2" },
    },
    { id: "other", interactions: [{ id: "m", kind: "send_message", knowledgeBaseId: "kb-1" }], end: null },
  ],
};

describe("readMigrationBody", () => {
  it("finds the definition in every form spec 16 users paste", () => {
    expect(readMigrationBody(definition)).toEqual({ definition, pointer: "", knowledgeBaseMap: undefined });
    expect(readMigrationBody({ id: "x", internalName: "A", draft: definition }).pointer).toBe("/draft");
    expect(readMigrationBody({ data: [{ draft: definition }], nextCursor: null }).pointer).toBe(
      "/data/0/draft",
    );
    expect(readMigrationBody({ definition, knowledgeBaseMap: { "kb-1": "new" } })).toEqual({
      definition,
      pointer: "/definition",
      knowledgeBaseMap: { "kb-1": "new" },
    });
  });

  it("refuses a map that is not ids to ids", () => {
    expect(() => readMigrationBody({ definition, knowledgeBaseMap: { "kb-1": 7 } })).toThrow(ApiError);
  });
});

describe("remapKnowledgeBases", () => {
  it("maps AI responses and article deflections, and nothing else", () => {
    const { definition: mapped, problems } = remapKnowledgeBases(
      definition,
      { "kb-1": "a", "kb-2": "b" },
      "",
    );
    expect(problems).toEqual([]);
    const dialogs = (mapped as typeof definition).dialogs;
    expect(dialogs[0]?.end?.knowledgeBaseId).toBe("a");
    expect(dialogs[1]?.end?.knowledgeBaseId).toBe("b");
    expect(dialogs[2]?.interactions[0]?.knowledgeBaseId).toBe("kb-1");
    expect(definition.dialogs[0]?.end?.knowledgeBaseId).toBe("kb-1");
  });

  it("names every id the map lacks, with its path in the body", () => {
    const { problems } = remapKnowledgeBases(definition, { constructor: "x" }, "/definition");
    expect(problems.map((problem) => problem.path)).toEqual([
      "/definition/dialogs/0/end/knowledgeBaseId",
      "/definition/dialogs/1/end/knowledgeBaseId",
    ]);
    expect(problems[0]?.message).toContain('"kb-1"');
  });

  it("leaves JSON of another shape alone for the schema to report", () => {
    expect(remapKnowledgeBases("text", {}, "").definition).toBe("text");
    expect(remapKnowledgeBases({ dialogs: [1, null] }, {}, "").problems).toEqual([]);
  });
});

describe("stampIdentity", () => {
  it("gives the definition and each dialog the assistant's ids", () => {
    const stamped = stampIdentity(definition, { id: "new", publicId: "public" }) as typeof definition;
    expect(stamped).toMatchObject({ id: "new", publicId: "public" });
    expect(stamped.dialogs.map((dialog) => dialog.assistantId)).toEqual(["new", "new", "new"]);
    expect(stampIdentity([1], { id: "new", publicId: "p" })).toEqual([1]);
  });
});

describe("parseIfMatch", () => {
  it("reads strong, weak, bare and listed revisions, and *", () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('"3"')).toEqual([3]);
    expect(parseIfMatch('W/"3", "4"')).toEqual([3, 4]);
    expect(parseIfMatch("5")).toEqual([5]);
    expect(parseIfMatch("*")).toBe("any");
    expect(() => parseIfMatch('"abc"')).toThrow(ApiError);
  });
});
