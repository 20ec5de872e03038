import { randomBytes, randomUUID } from "node:crypto";
import type { Assistant } from "@parley/model";

/** The ids of a stored assistant: the row's id, and the public id the widget and spec 16 use. */
export interface AssistantIdentity {
  id: string;
  publicId: string;
}

/** 72 random bits, 12 URL-safe characters: short enough to paste, too many to guess. */
export function newAssistantIdentity(): AssistantIdentity {
  return { id: randomUUID(), publicId: randomBytes(9).toString("base64url") };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Makes a definition belong to an assistant: its `id`, `publicId` and every
 * dialog's `assistantId` become the assistant's, whatever the body said, so a
 * definition copied from another assistant or instance (spec 16) can never
 * point back at it. Works on JSON the schema has not checked yet, touching
 * only what has the expected shape; returns a copy.
 */
export function stampIdentity(definition: unknown, identity: AssistantIdentity): unknown {
  if (!isRecord(definition)) return definition;
  const dialogs = Array.isArray(definition.dialogs)
    ? definition.dialogs.map((dialog: unknown) =>
        isRecord(dialog) ? { ...dialog, assistantId: identity.id } : dialog,
      )
    : definition.dialogs;
  return { ...definition, id: identity.id, publicId: identity.publicId, dialogs };
}

export function withIdentity(definition: Assistant, identity: AssistantIdentity): Assistant {
  return stampIdentity(definition, identity) as Assistant;
}
