import { z } from "zod";

const isObject = (value: unknown): boolean =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A response field sent exactly as the database holds it, and described in the OpenAPI
 * document by `schema`. Serializing through `schema` itself would rebuild each value: keys in
 * the schema's order instead of the stored one, keys it does not list dropped, and a 500 for
 * the whole transcript over one body an older version wrote differently. So the wire keeps
 * the stored bytes (only "is an object" is checked, as before) and the document gets every
 * kind `schema` describes, with the type `schema` infers for the route's handler.
 */
export function servedAsStored<Schema extends z.ZodType>(
  schema: Schema,
  meta: { id: string; description: string },
): z.ZodType<z.output<Schema>> {
  // The document is OpenAPI 3.1, whose schemas are JSON Schema 2020-12; `$schema` has no place inside it.
  const { $schema: _, ...documented } = z.toJSONSchema(schema, { target: "draft-2020-12", io: "output" });
  return z.custom<z.output<Schema>>(isObject).meta({ ...documented, ...meta });
}
