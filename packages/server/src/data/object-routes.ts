import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../database/connection.ts";
import { callerOf } from "../http/authentication.ts";
import { notFound } from "../http/errors.ts";
import { scopes } from "../http/scopes.ts";
import { KlassName } from "./attribute-definitions.ts";
import {
  deleteObject,
  findObject,
  findObjectByExternalId,
  listObjects,
  updateObject,
  upsertObject,
} from "./objects.ts";
import { ListQuery, pageSchema } from "./pagination.ts";
import { AttributeValuesSchema, ExternalId, Timestamps } from "./route-schemas.ts";

export const CustomObject = z.object({
  id: z.string(),
  klass: z.string(),
  customerId: z.string(),
  externalId: z.string().nullable(),
  attributes: AttributeValuesSchema,
  ...Timestamps,
});

/** Attribute values are checked against the Klass's definitions; null removes one. */
const objectFields = {
  attributes: AttributeValuesSchema.optional(),
  /** When the object came to be, such as when an order was placed; new objects default to now. */
  createdAt: z.iso.datetime({ offset: true }).optional(),
};
const KlassParameters = z.object({ klass: KlassName });
const ObjectParameters = z.object({ klass: KlassName, id: z.uuid() });
const ExternalIdParameters = z.object({ klass: KlassName, externalId: ExternalId });
const tags = ["objects"];

export const objectRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    "/v1/objects/:klass",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "List objects of a custom Klass, most recent first",
        params: KlassParameters,
        querystring: ListQuery.extend({ customerId: z.uuid().optional() }),
        response: { 200: pageSchema(CustomObject) },
      },
    },
    async (request) =>
      listObjects(database, callerOf(request).organizationId, {
        ...request.query,
        klass: request.params.klass,
      }),
  );

  app.post(
    "/v1/objects/:klass",
    {
      config: { scope: scopes.recordsWrite },
      schema: {
        tags,
        summary: "Create an object, or update the one of this Klass with this external id",
        params: KlassParameters,
        body: z.strictObject({ customerId: z.uuid(), externalId: ExternalId.optional(), ...objectFields }),
        response: { 200: CustomObject, 201: CustomObject },
      },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const result = await database.transaction((transaction) =>
        upsertObject(transaction, organizationId, request.params.klass, request.body),
      );
      return reply.status(result.created ? 201 : 200).send(result.object);
    },
  );

  app.get(
    "/v1/objects/:klass/by-external-id/:externalId",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "Get an object by external id",
        params: ExternalIdParameters,
        response: { 200: CustomObject },
      },
    },
    async (request) => {
      const { klass, externalId } = request.params;
      const object = await findObjectByExternalId(
        database,
        callerOf(request).organizationId,
        klass,
        externalId,
      );
      if (!object) throw notFound(`${klass} object with external id`, externalId);
      return object;
    },
  );

  app.put(
    "/v1/objects/:klass/by-external-id/:externalId",
    {
      config: { scope: scopes.recordsWrite },
      schema: {
        tags,
        summary: "Create or update the object of this Klass with this external id",
        params: ExternalIdParameters,
        body: z.strictObject({ customerId: z.uuid().optional(), ...objectFields }),
        response: { 200: CustomObject, 201: CustomObject },
      },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const { klass, externalId } = request.params;
      const result = await database.transaction((transaction) =>
        upsertObject(transaction, organizationId, klass, { ...request.body, externalId }),
      );
      return reply.status(result.created ? 201 : 200).send(result.object);
    },
  );

  app.get(
    "/v1/objects/:klass/:id",
    {
      config: { scope: scopes.read },
      schema: { tags, summary: "Get an object", params: ObjectParameters, response: { 200: CustomObject } },
    },
    async (request) => {
      const { klass, id } = request.params;
      const object = await findObject(database, callerOf(request).organizationId, klass, id);
      if (!object) throw notFound(`${klass} object`, id);
      return object;
    },
  );

  app.patch(
    "/v1/objects/:klass/:id",
    {
      config: { scope: scopes.recordsWrite },
      schema: {
        tags,
        summary: "Update an object",
        params: ObjectParameters,
        body: z.strictObject({
          customerId: z.uuid().optional(),
          externalId: ExternalId.nullable().optional(),
          ...objectFields,
        }),
        response: { 200: CustomObject },
      },
    },
    async (request) => {
      const { organizationId } = callerOf(request);
      const { klass, id } = request.params;
      return database.transaction((transaction) =>
        updateObject(transaction, organizationId, klass, id, request.body),
      );
    },
  );

  app.delete(
    "/v1/objects/:klass/:id",
    {
      config: { scope: scopes.recordsWrite },
      schema: { tags, summary: "Delete an object", params: ObjectParameters },
    },
    async (request, reply) => {
      const { klass, id } = request.params;
      if (!(await deleteObject(database, callerOf(request).organizationId, klass, id))) {
        throw notFound(`${klass} object`, id);
      }
      return reply.status(204).send();
    },
  );
};
