import { z } from "zod";
import { type AttributeType, conditionScopes } from "./attributes.ts";

export const conditionOperators = [
  "equals",
  "not_equals",
  "contains",
  "not_contains",
  "starts_with",
  "ends_with",
  "is_set",
  "is_not_set",
  "greater_than",
  "less_than",
  "greater_or_equal",
  "less_or_equal",
  "is_one_of",
  "is_not_one_of",
  "is_true",
  "is_false",
  "before",
  "after",
] as const;
export type ConditionOperator = (typeof conditionOperators)[number];

/** Operators that take no value. */
export const valuelessOperators: readonly ConditionOperator[] = [
  "is_set",
  "is_not_set",
  "is_true",
  "is_false",
];

/** Operators that fit each attribute type; validation rejects any other pairing. */
export const operatorsByAttributeType: Record<AttributeType, readonly ConditionOperator[]> = {
  text: [
    "equals",
    "not_equals",
    "contains",
    "not_contains",
    "starts_with",
    "ends_with",
    "is_set",
    "is_not_set",
    "is_one_of",
    "is_not_one_of",
  ],
  number: [
    "equals",
    "not_equals",
    "greater_than",
    "less_than",
    "greater_or_equal",
    "less_or_equal",
    "is_set",
    "is_not_set",
    "is_one_of",
    "is_not_one_of",
  ],
  boolean: ["is_true", "is_false", "is_set", "is_not_set"],
  date: ["equals", "before", "after", "is_set", "is_not_set"],
  choice: ["equals", "not_equals", "is_one_of", "is_not_one_of", "is_set", "is_not_set"],
  list: ["contains", "not_contains", "is_one_of", "is_set", "is_not_set"],
};

export const ConditionValue = z.union([
  z.string().max(1024),
  z.number(),
  z.boolean(),
  z.array(z.string().max(1024)).max(100),
]);
export type ConditionValue = z.infer<typeof ConditionValue>;

export const Condition = z
  .object({
    scope: z.enum(conditionScopes),
    attribute: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, "must be an attribute name"),
    operator: z.enum(conditionOperators),
    value: ConditionValue.optional(),
    /** Text comparisons ignore case unless this is set. */
    caseSensitive: z.boolean().optional(),
  })
  .meta({ id: "Condition" });
export type Condition = z.infer<typeof Condition>;
