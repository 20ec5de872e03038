import { Assistant } from "../assistant.ts";
import { isAvailable, typesForChannel } from "../capabilities.ts";
import { type AssistantType, assistantTypes, type Channel, channels } from "../channels.ts";
import { isTemplateLanguage, type TemplateLanguage, templateLanguages } from "./languages.ts";

/**
 * A template option that cannot be honoured. `option` names the option so a
 * caller (the CLI, the console) can point at the field the person typed.
 */
export class TemplateOptionError extends Error {
  readonly option: string;

  constructor(option: string, message: string) {
    super(message);
    this.name = "TemplateOptionError";
    this.option = option;
  }
}

function quoted(values: readonly string[]): string {
  return values.map((value) => `"${value}"`).join(", ");
}

export function resolveChannel(channel: string | undefined): Channel {
  if (channel === undefined) return "chat";
  if (!(channels as readonly string[]).includes(channel)) {
    throw new TemplateOptionError(
      "channel",
      `unknown channel "${channel}"; expected one of: ${quoted(channels)}`,
    );
  }
  return channel as Channel;
}

/**
 * The type of a new assistant. Pro is legacy and cannot be created; voice is
 * Lite only, so a voice assistant without a requested type is Lite.
 */
export function resolveType(
  type: string | undefined,
  channel: Channel,
  fallback: AssistantType,
): AssistantType {
  const allowed: readonly AssistantType[] = typesForChannel(channel).filter(
    (candidate) => candidate !== "pro",
  );
  if (type === undefined) return allowed.includes(fallback) ? fallback : (allowed[0] ?? "lite");
  if (!(assistantTypes as readonly string[]).includes(type)) {
    throw new TemplateOptionError("type", `unknown type "${type}"; expected one of: ${quoted(allowed)}`);
  }
  if (type === "pro") {
    throw new TemplateOptionError(
      "type",
      `Pro assistants can no longer be created; expected one of: ${quoted(allowed)}`,
    );
  }
  if (!allowed.includes(type as AssistantType)) {
    throw new TemplateOptionError(
      "type",
      `a ${channel} assistant cannot be of type "${type}"; expected one of: ${quoted(allowed)}`,
    );
  }
  return type as AssistantType;
}

export function resolveLanguage(language: string | undefined): TemplateLanguage {
  if (language === undefined) return "en";
  if (!isTemplateLanguage(language)) {
    throw new TemplateOptionError(
      "language",
      `templates are not written in "${language}"; expected one of: ${quoted(templateLanguages)}`,
    );
  }
  return language;
}

/** Refuses a channel or type a template cannot serve, naming the allowed values. */
export function requireAvailability(
  template: string,
  channel: Channel,
  type: AssistantType,
  availability: { channels: readonly Channel[]; types: readonly AssistantType[] },
): void {
  if (!availability.channels.includes(channel)) {
    throw new TemplateOptionError(
      "channel",
      `the ${template} template is not available on channel "${channel}"; expected one of: ${quoted(availability.channels)}`,
    );
  }
  if (!isAvailable(availability, channel, type)) {
    throw new TemplateOptionError(
      "type",
      `the ${template} template is not available for type "${type}"; expected one of: ${quoted(availability.types)}`,
    );
  }
}

/**
 * Parses a built assistant. Options supplied by the caller (names, ids) are the
 * only thing that can make a template invalid, so an issue on a top-level
 * field is reported as that option; anything deeper is a bug in a template.
 */
export function parseTemplateResult(assistant: unknown): Assistant {
  const result = Assistant.safeParse(assistant);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length === 1 ? String(issue.path[0]) : undefined;
  if (field !== undefined && issue !== undefined) {
    throw new TemplateOptionError(field, `${field} ${issue.message}`);
  }
  throw new Error(
    `template produced an invalid assistant at /${issue?.path.join("/") ?? ""}: ${issue?.message ?? "unknown problem"}`,
  );
}
