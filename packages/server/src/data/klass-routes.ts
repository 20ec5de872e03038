import { attributeTypes } from "@parley/model";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../database/connection.ts";
import { callerOf } from "../http/authentication.ts";
import { notFound } from "../http/errors.ts";
import { scopes } from "../http/scopes.ts";
import {
  AttributeDefinitionBody,
  AttributeName,
  definitionOf,
  KlassName,
  NamedAttributeDefinition,
} from "./attribute-definitions.ts";
import {
  createKlass,
  deleteKlass,
  deleteKlassAttribute,
  findKlass,
  listKlasses,
  putKlassAttribute,
  replaceKlass,
} from "./klasses.ts";

const Attribute = z.object({
  name: z.string(),
  label: z.string(),
  type: z.enum(attributeTypes),
  values: z.array(z.string()).optional(),
  standard: z.boolean(),
});
const Klass = z.object({
  name: z.string(),
  label: z.string(),
  standard: z.boolean(),
  attributes: z.array(Attribute),
});
const KlassParameters = z.object({ name: KlassName });
const AttributeParameters = z.object({ name: KlassName, attribute: AttributeName });
const Attributes = z.array(NamedAttributeDefinition).max(1000);
const tags = ["klasses"];

function definitionsOf(attributes: z.infer<typeof Attributes>) {
  return attributes.map(({ name, ...body }) => definitionOf(name, body));
}

/**
 * Klasses are addressed by name, which is what assistants refer to. The standard Klasses
 * (conversation, customer, company) always exist; they take custom attributes but are never deleted.
 */
export const klassRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    "/v1/klasses",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "List the standard Klasses and the custom ones, with their attributes",
        response: { 200: z.object({ data: z.array(Klass), nextCursor: z.null() }) },
      },
    },
    async (request) => ({
      data: await listKlasses(database, callerOf(request).organizationId),
      nextCursor: null,
    }),
  );

  app.post(
    "/v1/klasses",
    {
      config: { scope: scopes.organizationWrite },
      schema: {
        tags,
        summary: "Create a custom Klass",
        body: z.strictObject({
          name: KlassName,
          label: z.string().trim().min(1).max(100).optional(),
          attributes: Attributes.default([]),
        }),
        response: { 201: Klass },
      },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const { name, label, attributes } = request.body;
      const klass = await database.transaction((transaction) =>
        createKlass(transaction, organizationId, { name, label, attributes: definitionsOf(attributes) }),
      );
      return reply.status(201).send(klass);
    },
  );

  app.get(
    "/v1/klasses/:name",
    {
      config: { scope: scopes.read },
      schema: { tags, summary: "Get a Klass", params: KlassParameters, response: { 200: Klass } },
    },
    async (request) => {
      const klass = await findKlass(database, callerOf(request).organizationId, request.params.name);
      if (!klass) throw notFound("Klass", request.params.name);
      return klass;
    },
  );

  app.put(
    "/v1/klasses/:name",
    {
      config: { scope: scopes.organizationWrite },
      schema: {
        tags,
        summary: "Replace a Klass's custom attributes (and a custom Klass's label)",
        params: KlassParameters,
        body: z.strictObject({ label: z.string().trim().min(1).max(100).optional(), attributes: Attributes }),
        response: { 200: Klass },
      },
    },
    async (request) => {
      const { organizationId } = callerOf(request);
      return database.transaction((transaction) =>
        replaceKlass(transaction, organizationId, request.params.name, {
          label: request.body.label,
          attributes: definitionsOf(request.body.attributes),
        }),
      );
    },
  );

  app.delete(
    "/v1/klasses/:name",
    {
      config: { scope: scopes.organizationWrite },
      schema: { tags, summary: "Delete a custom Klass and all its objects", params: KlassParameters },
    },
    async (request, reply) => {
      if (!(await deleteKlass(database, callerOf(request).organizationId, request.params.name))) {
        throw notFound("Klass", request.params.name);
      }
      return reply.status(204).send();
    },
  );

  app.put(
    "/v1/klasses/:name/attributes/:attribute",
    {
      config: { scope: scopes.organizationWrite },
      schema: {
        tags,
        summary: "Add or replace one custom attribute of a Klass",
        params: AttributeParameters,
        body: AttributeDefinitionBody,
        response: { 200: Klass, 201: Klass },
      },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const { name, attribute } = request.params;
      const result = await database.transaction((transaction) =>
        putKlassAttribute(transaction, organizationId, name, definitionOf(attribute, request.body)),
      );
      return reply.status(result.created ? 201 : 200).send(result.klass);
    },
  );

  app.delete(
    "/v1/klasses/:name/attributes/:attribute",
    {
      config: { scope: scopes.organizationWrite },
      schema: { tags, summary: "Delete a custom attribute of a Klass", params: AttributeParameters },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const { name, attribute } = request.params;
      const deleted = await database.transaction((transaction) =>
        deleteKlassAttribute(transaction, organizationId, name, attribute),
      );
      if (!deleted) throw notFound(`Custom attribute of ${name}`, attribute);
      return reply.status(204).send();
    },
  );
};
