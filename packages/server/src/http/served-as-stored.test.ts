import swagger from "@fastify/swagger";
import Fastify from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { servedAsStored } from "./served-as-stored.ts";

const Body = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), text: z.string() }),
  z.object({ kind: z.literal("list"), text: z.string(), buttonLabel: z.string() }),
]);

const Response = z.object({
  body: servedAsStored(Body, { id: "ServedAsStoredExample", description: "An example body" }),
});

interface DocumentedBody {
  description?: string;
  oneOf?: Array<{ properties: { kind: { const: string } }; required: string[] }>;
}

describe("a response field served as stored", () => {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  let stored: unknown;

  beforeAll(async () => {
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(swagger, {
      openapi: { openapi: "3.1.0", info: { title: "test", version: "1" } },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    app.get("/example", { schema: { response: { 200: Response } } }, () => ({
      body: stored as z.infer<typeof Body>,
    }));
    await app.ready();
  });
  afterAll(() => app.close());

  it("keeps the stored keys in their order, with keys the schema does not list", async () => {
    // PostgreSQL's jsonb orders keys by length: `buttonLabel` comes last, where the schema has it third.
    stored = { kind: "list", text: "Pick one", extra: { kept: true }, buttonLabel: "Open" };
    const response = await app.inject({ method: "GET", url: "/example" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(JSON.stringify({ body: stored }));
  });

  it("serves a body an older version stored differently rather than failing the response", async () => {
    stored = { kind: "retired", words: "still readable" };
    const response = await app.inject({ method: "GET", url: "/example" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ body: stored });
  });

  it("still refuses a body that is not an object", async () => {
    stored = "text";
    const response = await app.inject({ method: "GET", url: "/example" });
    expect(response.statusCode).toBe(500);
  });

  it("documents every kind the schema describes", () => {
    const document = app.swagger() as { components: { schemas: Record<string, DocumentedBody> } };
    const documented = document.components.schemas.ServedAsStoredExample;
    expect(documented?.description).toBe("An example body");
    const kinds = (documented?.oneOf ?? []).map((kind) => [kind.properties.kind.const, kind.required]);
    expect(kinds).toEqual([
      ["text", ["kind", "text"]],
      ["list", ["kind", "text", "buttonLabel"]],
    ]);
    expect(documented).not.toHaveProperty("$schema");
  });
});
