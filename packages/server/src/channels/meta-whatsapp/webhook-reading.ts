import { WebhookPayloadError } from "../messaging/messaging-adapter.ts";

/**
 * Small readers over a parsed webhook body. Each names the field it refused by JSON pointer, so
 * a 400 says exactly what in Meta's delivery did not have the documented shape.
 */
export type JsonObject = Record<string, unknown>;

export function parseJsonBody(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString("utf8"));
  } catch {
    throw new WebhookPayloadError("", "must be a JSON document");
  }
}

export function objectAt(value: unknown, pointer: string): JsonObject {
  if (value === undefined) throw new WebhookPayloadError(pointer, "is required");
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new WebhookPayloadError(pointer, "must be an object");
  }
  return value as JsonObject;
}

/** An array, or an empty one when the field is absent and `optional`. */
export function arrayAt(value: unknown, pointer: string, optional = false): unknown[] {
  if (value === undefined && optional) return [];
  if (value === undefined) throw new WebhookPayloadError(pointer, "is required");
  if (!Array.isArray(value)) throw new WebhookPayloadError(pointer, "must be an array");
  return value;
}

export interface StringRule {
  /** Checked after the type; `describe` says what was expected, for the error. */
  pattern?: RegExp;
  describe?: string;
  /** Whether "" is refused (ids and addresses) or taken (a caption, a title). */
  nonEmpty?: boolean;
}

export function stringAt(value: unknown, pointer: string, rule: StringRule = {}): string {
  if (value === undefined) throw new WebhookPayloadError(pointer, "is required");
  if (typeof value !== "string") throw new WebhookPayloadError(pointer, "must be a string");
  if (rule.nonEmpty && value === "") throw new WebhookPayloadError(pointer, "must not be empty");
  if (rule.pattern && !rule.pattern.test(value)) {
    throw new WebhookPayloadError(pointer, rule.describe ?? `must match ${rule.pattern.source}`);
  }
  return value;
}

export function optionalStringAt(value: unknown, pointer: string): string | undefined {
  return value === undefined || value === null ? undefined : stringAt(value, pointer);
}

export function numberAt(value: unknown, pointer: string, minimum: number, maximum: number): number {
  if (value === undefined) throw new WebhookPayloadError(pointer, "is required");
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new WebhookPayloadError(pointer, "must be a number");
  }
  if (value < minimum || value > maximum) {
    throw new WebhookPayloadError(pointer, `must be between ${minimum} and ${maximum}`);
  }
  return value;
}

/**
 * Meta's timestamps are Unix seconds written as a string ("1712345678"); a number is taken too,
 * since nothing is lost by it. Returned in milliseconds, as Parley counts time.
 */
export function secondsAt(value: unknown, pointer: string): number {
  const rule = "must be Unix seconds (digits)";
  if (typeof value === "number") {
    if (Number.isSafeInteger(value) && value >= 0) return value * 1000;
    throw new WebhookPayloadError(pointer, rule);
  }
  return Number(stringAt(value, pointer, { pattern: /^[0-9]{1,12}$/, describe: rule })) * 1000;
}
