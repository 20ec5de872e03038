import type { AssistantDetail } from "../api/assistants.ts";
import { api } from "../api/client.ts";

/**
 * Moving an assistant between instances (spec 16): Export saves what `GET /v1/assistants?publicId=`
 * returns, and Import reads that back, or the bare definition, or the whole response, as
 * `PUT /v1/assistants/:id` accepts them.
 */

/** Larger than the server accepts for a definition: no assistant file is this big. */
export const maxFileBytes = 1024 * 1024;

/** What the import needs to know about the file before sending it. */
export interface AssistantFileDefinition {
  internalName: string;
  type: string;
  channel: string;
  dialogs: unknown[];
  [field: string]: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The definition inside an exported file, unwrapped the way the server unwraps it; null when there is none. */
export function definitionInFile(value: unknown): AssistantFileDefinition | null {
  if (!isRecord(value)) return null;
  if (Array.isArray(value.dialogs)) return value as AssistantFileDefinition;
  if ("definition" in value) return definitionInFile(value.definition);
  if (isRecord(value.draft)) return definitionInFile(value.draft);
  if (Array.isArray(value.data) && value.data.length === 1) return definitionInFile(value.data[0]);
  return null;
}

const knowledgeBaseKinds = new Set(["ai_response", "article_deflection"]);

/**
 * The knowledge base ids the definition's AI responses and article deflections search: ids of the
 * instance it came from, which the admin maps to knowledge bases here.
 */
export function knowledgeBaseIdsIn(definition: unknown): string[] {
  const found = new Set<string>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isRecord(value)) {
      if (
        typeof value.kind === "string" &&
        knowledgeBaseKinds.has(value.kind) &&
        typeof value.knowledgeBaseId === "string"
      ) {
        found.add(value.knowledgeBaseId);
      }
      Object.values(value).forEach(visit);
    }
  };
  visit(definition);
  return [...found].sort();
}

/** "Web help" → "web-help.json": a file name that any system accepts. */
export function exportFileName(internalName: string): string {
  const slug = internalName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${slug || "assistant"}.json`;
}

/** Downloads the assistant as spec 16 copies it: the public-id lookup's answer, draft included. */
export async function exportAssistant(publicId: string, internalName: string): Promise<string> {
  const response = await api.get<{ data: AssistantDetail[] }>(
    `/v1/assistants?publicId=${encodeURIComponent(publicId)}`,
  );
  const assistant = response.data[0];
  if (!assistant) throw new Error(`The assistant ${publicId} no longer exists.`);
  const fileName = exportFileName(internalName);
  const blob = new Blob([`${JSON.stringify(assistant, null, 2)}\n`], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download before this runs; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return fileName;
}
