import {
  type AttributeType,
  type ConditionScope,
  type KlassDefinition,
  standardAttributes,
} from "../attributes.ts";

/** Scopes that are Klasses, and so can have custom attributes. */
const klassScopes: readonly ConditionScope[] = ["conversation", "customer", "company"];

export function customAttributeOf(
  klasses: readonly KlassDefinition[] | undefined,
  klassName: string,
  attribute: string,
): { type: AttributeType } | undefined {
  const klass = klasses?.find((candidate) => candidate.name === klassName);
  return klass?.attributes.find((candidate) => candidate.name === attribute);
}

/**
 * The type of an attribute a condition reads, or undefined when it is a custom
 * attribute this validation was not told about (and so cannot judge).
 */
export function attributeTypeOf(
  scope: ConditionScope,
  attribute: string,
  klasses: readonly KlassDefinition[] | undefined,
): AttributeType | undefined {
  const standard = standardAttributes[scope][attribute];
  if (standard !== undefined) return standard;
  if (!klassScopes.includes(scope)) return undefined;
  return customAttributeOf(klasses, scope, attribute)?.type;
}
