import {
  type AttributeType,
  Condition,
  type ConditionScope,
  conditionHolds,
  operatorsByAttributeType,
  standardAttributes,
  valuelessOperators,
} from "@parley/model";
import { z } from "zod";

/**
 * The session fields a chat rule can filter on (spec 06). Previous page is in
 * the spec's list but not among the model's standard session attributes, so
 * rules keep their own table.
 */
export const sessionFields = {
  currentPage: "text",
  previousPage: "text",
  language: "choice",
  timeOnPage: "number",
  userAgent: "text",
} as const satisfies Record<string, AttributeType>;
export type SessionField = keyof typeof sessionFields;
const sessionFieldNames = Object.keys(sessionFields) as SessionField[];

/** Scopes that describe who the customer is; they are only trusted for an authenticated customer. */
export const identityScopes: readonly ConditionScope[] = ["customer", "company"];

const listOperators: readonly string[] = ["is_one_of", "is_not_one_of"];

function attributeType(scope: ConditionScope, attribute: string): AttributeType | undefined {
  if (scope === "session") return sessionFields[attribute as SessionField];
  return standardAttributes[scope][attribute];
}

/**
 * A condition is checked on its own here (so mistakes answer 400 with their
 * path): session and message conditions must name a known field, the operator
 * must fit the attribute's type, and operators that compare need a value of the
 * right shape. Custom attributes have no known type, so only the value is checked.
 */
export const AudienceCondition = Condition.superRefine((condition, context) => {
  if (condition.scope === "session" && !(condition.attribute in sessionFields)) {
    context.addIssue({
      code: "custom",
      path: ["attribute"],
      message: `must be one of the session fields: ${sessionFieldNames.join(", ")}`,
    });
    return;
  }
  if (condition.scope === "message" && standardAttributes.message[condition.attribute] === undefined) {
    context.addIssue({
      code: "custom",
      path: ["attribute"],
      message: `must be one of the message fields: ${Object.keys(standardAttributes.message).join(", ")}`,
    });
    return;
  }
  const type = attributeType(condition.scope, condition.attribute);
  if (type !== undefined && !operatorsByAttributeType[type].includes(condition.operator)) {
    context.addIssue({
      code: "custom",
      path: ["operator"],
      message: `does not fit ${condition.scope}.${condition.attribute}, a ${type} attribute; use one of ${operatorsByAttributeType[type].join(", ")}`,
    });
  }
  if (valuelessOperators.includes(condition.operator)) return;
  if (condition.value === undefined || condition.value === "") {
    context.addIssue({ code: "custom", path: ["value"], message: `is required by ${condition.operator}` });
  } else if (listOperators.includes(condition.operator) !== Array.isArray(condition.value)) {
    context.addIssue({
      code: "custom",
      path: ["value"],
      message: listOperators.includes(condition.operator)
        ? `must be a list of values for ${condition.operator}`
        : `must be a single value for ${condition.operator}`,
    });
  }
}).meta({ id: "AudienceCondition" });
export type AudienceCondition = z.infer<typeof AudienceCondition>;

export const maxAudienceConditions = 50;

export const Audience = z
  .object({
    /** `all`: every condition must hold; `any`: at least one. No conditions means everyone. */
    match: z.enum(["all", "any"]).default("all"),
    conditions: z.array(AudienceCondition).max(maxAudienceConditions).default([]),
  })
  .meta({ id: "Audience" });
export type Audience = z.infer<typeof Audience>;

export const everyone: Audience = { match: "all", conditions: [] };

/** What is known about the customer when rules are evaluated. */
export interface AudienceFacts {
  customerAuthenticated: boolean;
  customer?: Record<string, unknown> | undefined;
  company?: Record<string, unknown> | undefined;
  conversation?: Record<string, unknown> | undefined;
  message?: Record<string, unknown> | undefined;
  session?: Record<string, unknown> | undefined;
}

export function usesIdentityScopes(audience: Audience): boolean {
  return audience.conditions.some((condition) => identityScopes.includes(condition.scope));
}

export function usesSessionScope(audience: Audience): boolean {
  return audience.conditions.some((condition) => condition.scope === "session");
}

function actualValue(facts: AudienceFacts, condition: AudienceCondition): unknown {
  if (condition.scope === "customer" && condition.attribute === "authenticated") {
    return facts.customerAuthenticated;
  }
  return facts[condition.scope]?.[condition.attribute];
}

/**
 * Whether the customer described by the facts is in the audience. Customer and
 * company attributes sent for an anonymous visitor could say anything, so a
 * rule that filters on them never matches one (spec 06: such rules need an
 * authenticated customer).
 */
export function audienceMatches(audience: Audience, facts: AudienceFacts): boolean {
  if (audience.conditions.length === 0) return true;
  if (usesIdentityScopes(audience) && !facts.customerAuthenticated) return false;
  const holds = (condition: AudienceCondition) => conditionHolds(condition, actualValue(facts, condition));
  return audience.match === "all" ? audience.conditions.every(holds) : audience.conditions.some(holds);
}
