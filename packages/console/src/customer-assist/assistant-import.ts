import type { AssistantDetail, AssistantWithProblems } from "../api/assistants.ts";
import { ApiError, api, path } from "../api/client.ts";
import { strings } from "../strings/index.ts";
import {
  type AssistantFileDefinition,
  definitionInFile,
  knowledgeBaseIdsIn,
  maxFileBytes,
} from "./assistant-file.ts";

const text = strings.assistants.importing;

export interface AssistantFile {
  definition: AssistantFileDefinition;
  knowledgeBaseIds: string[];
}

/** Reads a chosen file; a file that is not JSON, or JSON that is not an assistant, says which. */
export async function readAssistantFile(file: File): Promise<AssistantFile | { error: string }> {
  if (file.size > maxFileBytes) return { error: text.tooLarge };
  let value: unknown;
  try {
    value = JSON.parse(await file.text());
  } catch {
    return { error: text.notJson(file.name) };
  }
  const definition = definitionInFile(value);
  if (!definition) return { error: text.notAssistant(file.name) };
  return { definition, knowledgeBaseIds: knowledgeBaseIdsIn(definition) };
}

/** Pro cannot be created (spec 17), and voice is Lite only: the placeholder's type, until the import replaces it. */
function placeholderType(definition: AssistantFileDefinition): "lite" | "premium" {
  if (definition.type === "lite" || definition.channel === "voice") return "lite";
  return "premium";
}

export interface ImportChoices {
  /** The assistant whose draft the file replaces; null creates a new one. */
  targetId: string | null;
  internalName: string;
  knowledgeBaseMap: Record<string, string>;
}

/**
 * Spec 16 in one step: create the assistant (unless replacing one), then PUT the definition with
 * the knowledge base map. A new assistant the import refused is deleted again, so a failed import
 * leaves nothing behind.
 */
export async function importAssistant(
  file: AssistantFile,
  choices: ImportChoices,
): Promise<AssistantWithProblems> {
  const definition = { ...file.definition, internalName: choices.internalName };
  let targetId = choices.targetId;
  const creating = targetId === null;
  if (targetId === null) {
    const created = await api.post<AssistantDetail>("/v1/assistants", {
      internalName: choices.internalName,
      channel: definition.channel,
      type: placeholderType(definition),
    });
    targetId = created.id;
  }
  try {
    return await api.put<AssistantWithProblems>(path("/v1/assistants", targetId), {
      definition,
      ...(file.knowledgeBaseIds.length > 0 ? { knowledgeBaseMap: choices.knowledgeBaseMap } : {}),
    });
  } catch (error) {
    if (creating) await api.delete(path("/v1/assistants", targetId)).catch(() => undefined);
    throw error instanceof ApiError ? error : new ApiError(0, "import_failed", String(error));
  }
}
