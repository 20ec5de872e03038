/**
 * A plausible value for a JSON Schema of the OpenAPI document: the fuzzer's starting point, which it
 * then breaks. It need not pass the route's checks; the closer it comes, the deeper mutations reach.
 */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  format?: string;
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
};

export type SchemaComponents = Record<string, JsonSchema>;

/** Deeper than this, a recursive schema (an assistant definition) stops at its required minimum. */
const deepestSample = 6;

export function resolve(schema: JsonSchema, components: SchemaComponents): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 20; hops += 1) {
    current = components[current.$ref.split("/").at(-1) ?? ""] ?? {};
  }
  return current;
}

export function sampleOf(schema: JsonSchema, components: SchemaComponents, depth = 0): unknown {
  const resolved = resolve(schema, components);
  if (resolved.const !== undefined) return resolved.const;
  if (resolved.enum && resolved.enum.length > 0) return resolved.enum[0];
  if (resolved.default !== undefined) return resolved.default;
  const choices = resolved.anyOf ?? resolved.oneOf;
  if (choices) {
    const notNull = choices.find((choice) => resolve(choice, components).type !== "null") ?? choices[0];
    return notNull ? sampleOf(notNull, components, depth) : null;
  }
  if (resolved.allOf?.[0]) return sampleOf(resolved.allOf[0], components, depth);
  const type = Array.isArray(resolved.type)
    ? (resolved.type.find((each) => each !== "null") ?? "null")
    : resolved.type;
  switch (type) {
    case "object":
      return objectSample(resolved, components, depth);
    case "array": {
      const count = resolved.minItems ?? (depth < deepestSample ? 1 : 0);
      if (resolved.prefixItems)
        return resolved.prefixItems.map((item) => sampleOf(item, components, depth + 1));
      return Array.from({ length: count }, () =>
        resolved.items ? sampleOf(resolved.items, components, depth + 1) : 1,
      );
    }
    case "string":
      return stringSample(resolved);
    case "integer":
    case "number":
      return Math.max(resolved.minimum ?? 1, (resolved.exclusiveMinimum ?? 0) + 1);
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return "sample";
  }
}

function objectSample(
  schema: JsonSchema,
  components: SchemaComponents,
  depth: number,
): Record<string, unknown> {
  const required = new Set(schema.required ?? []);
  const sample: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (required.has(name) || depth < deepestSample) sample[name] = sampleOf(property, components, depth + 1);
  }
  return sample;
}

function stringSample(schema: JsonSchema): string {
  switch (schema.format) {
    case "uuid":
      return "00000000-0000-4000-8000-000000000001";
    case "email":
      return "fuzz@example.com";
    case "uri":
    case "url":
      return "https://example.com/fuzz";
    case "date-time":
      return "2026-01-02T03:04:05.000Z";
    case "date":
      return "2026-01-02";
    default: {
      const length = Math.min(Math.max(schema.minLength ?? 1, 5), schema.maxLength ?? 5);
      return "fuzzy".repeat(2).slice(0, Math.max(length, schema.minLength ?? 0));
    }
  }
}
