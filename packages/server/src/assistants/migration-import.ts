import {
  type FoundValue,
  interactionDefinition,
  isInteractionKind,
  mapNestedPaths,
  updateValuesAt,
} from "@parley/model";
import { z } from "zod";
import { ApiError, type ProblemDetail } from "../http/errors.ts";
import { pointerOf } from "./value-diff.ts";

/**
 * What `PUT /v1/assistants/:id` accepts (spec 16): the definition itself; the
 * whole assistant as `GET ?publicId=` returned it (`draft` inside), or even
 * that response (`{ data: [assistant] }`); or `{ definition, knowledgeBaseMap }`.
 */
export interface MigrationBody {
  definition: unknown;
  /** Where the definition sits in the body, for problem paths. */
  pointer: string;
  /** Knowledge base ids of the exporting instance → ids here; absent keeps ids as they are. */
  knowledgeBaseMap: Record<string, string> | undefined;
}

const KnowledgeBaseMap = z.record(
  z.string().min(1).max(128),
  z.string().min(1, "must be a knowledge base id").max(128),
);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readMap(body: Record<string, unknown>): Record<string, string> | undefined {
  if (body.knowledgeBaseMap === undefined) return undefined;
  const result = KnowledgeBaseMap.safeParse(body.knowledgeBaseMap);
  if (result.success) return result.data;
  throw new ApiError(
    400,
    "invalid_request",
    "knowledgeBaseMap must map old knowledge base ids to new ones.",
    {
      problems: result.error.issues.map((issue) => ({
        in: "body" as const,
        path: pointerOf("/knowledgeBaseMap", ...issue.path.map(String)),
        code: issue.code,
        message: issue.message,
      })),
    },
  );
}

/** A definition has dialogs; anything else with one of the wrapper fields is a wrapper. */
function unwrap(value: unknown, pointer: string): { definition: unknown; pointer: string } {
  if (!isRecord(value) || "dialogs" in value) return { definition: value, pointer };
  if ("definition" in value) return unwrap(value.definition, pointerOf(pointer, "definition"));
  if (isRecord(value.draft)) return unwrap(value.draft, pointerOf(pointer, "draft"));
  if (Array.isArray(value.data) && value.data.length === 1) {
    return unwrap(value.data[0], pointerOf(pointer, "data", 0));
  }
  return { definition: value, pointer };
}

export function readMigrationBody(body: Record<string, unknown>): MigrationBody {
  return { ...unwrap(body, ""), knowledgeBaseMap: readMap(body) };
}

/**
 * Rewrites the knowledge base ids of the interactions that read one (AI responses, article
 * deflections: the model's definitions say which fields) through the map. Runs before the schema
 * check, so it reads the JSON defensively and only touches what has the expected shape. Every id
 * the map lacks is a problem naming it: importing must not leave an assistant searching a
 * knowledge base of another instance.
 */
export function remapKnowledgeBases(
  definition: unknown,
  map: Readonly<Record<string, string>>,
  bodyPointer: string,
): { definition: unknown; problems: ProblemDetail[] } {
  const problems: ProblemDetail[] = [];

  const remap = (found: FoundValue, pointer: string): unknown => {
    const id = found.value;
    if (typeof id !== "string") return id;
    // hasOwn: an id such as "constructor" must not find the prototype's.
    if (Object.hasOwn(map, id)) return map[id];
    problems.push({
      in: "body",
      path: pointerOf(bodyPointer + pointer, ...found.segments),
      code: "knowledge_base_not_mapped",
      severity: "error",
      message: `The knowledge base ${JSON.stringify(id)} is not in knowledgeBaseMap; add "${id}": "<id of a knowledge base here>".`,
    });
    return id;
  };

  const visit = (interaction: unknown, pointer: string): unknown => {
    if (!isRecord(interaction) || !isInteractionKind(interaction.kind)) return interaction;
    let copy: unknown = interaction;
    for (const reference of interactionDefinition(interaction.kind).references) {
      if (reference.target !== "knowledge_base") continue;
      copy = updateValuesAt(copy, reference.path, (found) => remap(found, pointer));
    }
    return mapNestedPaths(copy, pointer, (nested) => visitPath(nested.path, nested.pointer));
  };

  const visitPath = (path: unknown, pointer: string): unknown => {
    if (!isRecord(path) || !Array.isArray(path.interactions)) return path;
    return {
      ...path,
      interactions: path.interactions.map((interaction, index) =>
        visit(interaction, pointerOf(pointer, "interactions", index)),
      ),
    };
  };

  if (!isRecord(definition) || !Array.isArray(definition.dialogs)) return { definition, problems };
  const dialogs = definition.dialogs.map((dialog: unknown, index) => {
    const pointer = pointerOf("", "dialogs", index);
    if (!isRecord(dialog)) return dialog;
    const withInteractions = visitPath(dialog, pointer) as Record<string, unknown>;
    return dialog.end === undefined
      ? withInteractions
      : { ...withInteractions, end: visit(dialog.end, pointerOf(pointer, "end")) };
  });
  return { definition: { ...definition, dialogs }, problems };
}
