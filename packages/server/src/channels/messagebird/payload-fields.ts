import { WebhookPayloadError } from "../messaging/messaging-adapter.ts";

/**
 * Readers for a parsed JSON webhook that name the offending field by JSON pointer, so a
 * malformed delivery is answered with "/message/id is required" instead of a crash.
 */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function parseJsonObject(rawBody: Buffer): JsonObject {
  let document: unknown;
  try {
    document = JSON.parse(rawBody.toString("utf8"));
  } catch {
    throw new WebhookPayloadError("", "must be a JSON document");
  }
  if (!isObject(document)) throw new WebhookPayloadError("", "must be a JSON object");
  return document;
}

export function objectAt(parent: JsonObject, key: string, pointer: string): JsonObject {
  const value = parent[key];
  if (value === undefined || value === null) throw new WebhookPayloadError(pointer, "is required");
  if (!isObject(value)) throw new WebhookPayloadError(pointer, "must be an object");
  return value;
}

/** A string that must be present and not empty. */
export function stringAt(parent: JsonObject, key: string, pointer: string): string {
  const value = parent[key];
  if (value === undefined || value === null || value === "")
    throw new WebhookPayloadError(pointer, "is required");
  if (typeof value !== "string") throw new WebhookPayloadError(pointer, "must be a string");
  return value;
}

/** A string that may be absent (or null, as MessageBird writes unset fields); empty counts as absent. */
export function optionalStringAt(parent: JsonObject, key: string, pointer: string): string | undefined {
  const value = parent[key];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") throw new WebhookPayloadError(pointer, "must be a string");
  return value;
}

export function numberAt(parent: JsonObject, key: string, pointer: string, min: number, max: number): number {
  const value = parent[key];
  if (value === undefined || value === null) throw new WebhookPayloadError(pointer, "is required");
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    throw new WebhookPayloadError(pointer, `must be a number from ${min} to ${max}`);
  }
  return value;
}

// RFC 3339 as MessageBird writes it, fractions of any length ("…09.53284374Z") included.
const rfc3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch from an RFC 3339 date-time. */
export function dateTimeAt(parent: JsonObject, key: string, pointer: string): number {
  const value = parent[key];
  if (value === undefined || value === null || value === "")
    throw new WebhookPayloadError(pointer, "is required");
  const milliseconds = typeof value === "string" && rfc3339.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(milliseconds)) throw new WebhookPayloadError(pointer, "must be an RFC 3339 date-time");
  return milliseconds;
}
