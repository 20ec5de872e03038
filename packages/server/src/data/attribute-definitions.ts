import {
  type AttributeDefinition,
  type AttributeType,
  attributeTypes,
  standardAttributes,
  standardKlasses,
} from "@parley/model";
import { z } from "zod";

export type StandardKlassName = (typeof standardKlasses)[number];

export function isStandardKlass(name: string): name is StandardKlassName {
  return (standardKlasses as readonly string[]).includes(name);
}

export const KlassName = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, "must be a Klass name such as order");
export const AttributeName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, "must be an attribute name such as orderNumber");

/** Separates the levels of a multi-level list value: `Shipping > Damaged`. */
const levelSeparator = " > ";

/** `Shipping>Damaged` and `Shipping  >  Damaged` are the same value as `Shipping > Damaged`. */
export function normalizeLevels(value: string): string {
  return value
    .split(">")
    .map((level) => level.trim())
    .join(levelSeparator);
}

const AllowedValue = z
  .string()
  .trim()
  .min(1)
  .max(256)
  .refine((value) => value.split(">").every((level) => level.trim() !== ""), {
    message: 'each level of "Parent > Child" needs a name',
  })
  .transform(normalizeLevels);

const typesWithValues: readonly AttributeType[] = ["choice", "list"];

const AttributeDefinitionFields = z.strictObject({
  label: z.string().trim().min(1).max(100).optional(),
  type: z.enum(attributeTypes),
  /** Allowed values of choice and list attributes; levels of multi-level lists are joined with " > ". */
  values: z.array(AllowedValue).min(1).max(1000).optional(),
});

/** Choices need their values; plain types take none; a value is listed once. */
function checkValues(
  definition: { type: AttributeType; values?: string[] | undefined },
  context: z.RefinementCtx,
): void {
  if (definition.type === "choice" && definition.values === undefined) {
    context.addIssue({ code: "custom", path: ["values"], message: "a choice attribute needs its values" });
  }
  if (!typesWithValues.includes(definition.type) && definition.values !== undefined) {
    context.addIssue({
      code: "custom",
      path: ["values"],
      message: `a ${definition.type} attribute takes no values`,
    });
  }
  const seen = new Set<string>();
  definition.values?.forEach((value, index) => {
    if (seen.has(value)) {
      context.addIssue({ code: "custom", path: ["values", index], message: `${value} is listed twice` });
    }
    seen.add(value);
  });
}

/** A custom attribute as written through the API, named by the URL. */
export const AttributeDefinitionBody = AttributeDefinitionFields.superRefine(checkValues);
export type AttributeDefinitionBody = z.infer<typeof AttributeDefinitionBody>;

/** A custom attribute as written in a list of them. */
export const NamedAttributeDefinition = AttributeDefinitionFields.extend({ name: AttributeName }).superRefine(
  checkValues,
);

export function definitionOf(name: string, body: AttributeDefinitionBody): AttributeDefinition {
  return {
    name,
    type: body.type,
    ...(body.label !== undefined ? { label: body.label } : {}),
    ...(body.values !== undefined ? { values: body.values } : {}),
  };
}

/** Custom attributes may not reuse a standard attribute's name: conditions would not know which is meant. */
export function isStandardAttribute(klass: string, attribute: string): boolean {
  return isStandardKlass(klass) && standardAttributes[klass][attribute] !== undefined;
}

/** `defaultLanguage` reads "Default language". */
function labelOf(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface AttributeView extends AttributeDefinition {
  label: string;
  standard: boolean;
}

export function standardAttributeViews(klass: StandardKlassName): AttributeView[] {
  return Object.entries(standardAttributes[klass]).map(([name, type]) => ({
    name,
    label: labelOf(name),
    type,
    standard: true,
  }));
}

export function customAttributeView(definition: AttributeDefinition): AttributeView {
  return { ...definition, label: definition.label ?? labelOf(definition.name), standard: false };
}

export const standardKlassLabels: Record<StandardKlassName, string> = {
  conversation: "Conversation",
  customer: "Customer",
  company: "Company",
};
