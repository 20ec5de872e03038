import {
  type AttributeType,
  type Channel,
  type Condition,
  type ConditionOperator,
  type ConditionScope,
  conditionOperators,
  operatorsByAttributeType,
  valuelessOperators,
} from "@parley/model";
import type { Klass } from "../api/organization-data.ts";
import { strings } from "../strings/index.ts";

const text = strings.rules;

/**
 * What a rule's audience can filter on, per channel, as the server checks it
 * (packages/server/src/rules/audience.ts): Company, Conversation and Customer
 * attributes from the organization's Klasses, the Message fields, and on chat
 * the Session fields of spec 06.
 */

export interface AudienceField {
  scope: ConditionScope;
  name: string;
  label: string;
  /** Unknown for a field the Klasses no longer list: every operator is offered then. */
  type: AttributeType | undefined;
  /** The allowed values of a choice or list attribute, when the Klass lists them. */
  values?: string[];
}

/** The server's own table of session fields; the model's lacks Previous Page. */
export const sessionFields: Record<string, AttributeType> = {
  currentPage: "text",
  previousPage: "text",
  language: "choice",
  timeOnPage: "number",
  userAgent: "text",
};
const messageFields: Record<string, AttributeType> = { text: "text", attachmentCount: "number" };

const klassScopes = ["company", "conversation", "customer"] as const;

/** Filters by session only work on chat; the server refuses them elsewhere. */
export function scopesFor(channel: Channel): ConditionScope[] {
  return channel === "chat" ? [...klassScopes, "message", "session"] : [...klassScopes, "message"];
}

/** Every field a condition of this scope can name. */
export function fieldsOf(scope: ConditionScope, klasses: readonly Klass[]): AudienceField[] {
  if (scope === "session" || scope === "message") {
    const table = scope === "session" ? sessionFields : messageFields;
    return Object.entries(table).map(([name, type]) => ({
      scope,
      name,
      type,
      label: text.fields[scope][name] ?? name,
    }));
  }
  const klass = klasses.find((candidate) => candidate.name === scope);
  return (klass?.attributes ?? []).map((attribute) => ({
    scope,
    name: attribute.name,
    label: attribute.label,
    type: attribute.type,
    ...(attribute.values ? { values: attribute.values } : {}),
  }));
}

export function fieldOf(scope: ConditionScope, name: string, klasses: readonly Klass[]): AudienceField {
  return (
    fieldsOf(scope, klasses).find((field) => field.name === name) ?? {
      scope,
      name,
      label: name,
      type: undefined,
    }
  );
}

export function operatorsFor(type: AttributeType | undefined): readonly ConditionOperator[] {
  return type === undefined ? conditionOperators : operatorsByAttributeType[type];
}

export function takesValue(operator: ConditionOperator): boolean {
  return !valuelessOperators.includes(operator);
}

export function takesList(operator: ConditionOperator): boolean {
  return operator === "is_one_of" || operator === "is_not_one_of";
}

/** Text comparisons ignore case unless told; only they offer Match case. */
export function comparesText(type: AttributeType | undefined, operator: ConditionOperator): boolean {
  return (type === "text" || type === "choice" || type === undefined) && takesValue(operator);
}

/**
 * The value a condition keeps when its operator changes: a list becomes its first item and a
 * single value a one-item list, so switching between Is Equal To and Is One Of loses nothing.
 */
export function valueForOperator(
  value: Condition["value"],
  operator: ConditionOperator,
): Condition["value"] | undefined {
  if (!takesValue(operator)) return undefined;
  if (takesList(operator)) {
    if (Array.isArray(value)) return value;
    return value === undefined || value === "" ? [] : [String(value)];
  }
  if (Array.isArray(value)) return value[0] ?? "";
  return value;
}

/** A new condition on a field: its first operator that fits, and an empty value. */
export function conditionOn(field: AudienceField): Condition {
  const operator = operatorsFor(field.type)[0] ?? "equals";
  const value = valueForOperator("", operator);
  return { scope: field.scope, attribute: field.name, operator, ...(value === undefined ? {} : { value }) };
}

function valueText(value: Condition["value"]): string {
  if (Array.isArray(value)) return text.summary.list(value);
  if (typeof value === "string") return text.summary.quoted(value);
  return String(value);
}

/** "Session Current Page Contains “/checkout”": a condition as an admin reads it. */
export function describeCondition(condition: Condition, klasses: readonly Klass[]): string {
  const field = fieldOf(condition.scope, condition.attribute, klasses);
  const parts = [
    text.scopes[condition.scope] ?? condition.scope,
    field.label,
    text.operators[condition.operator] ?? condition.operator,
  ];
  if (takesValue(condition.operator) && condition.value !== undefined) parts.push(valueText(condition.value));
  return parts.join(" ");
}
