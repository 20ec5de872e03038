import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../database/connection.ts";
import { callerOf } from "../http/authentication.ts";
import { notFound } from "../http/errors.ts";
import { scopes } from "../http/scopes.ts";
import { createBrand, deleteBrand, findBrand, listBrands, replaceBrand } from "./brands.ts";
import { pageSchema, SearchableListQuery } from "./pagination.ts";
import { DisplayName, IdParameters, Timestamps } from "./route-schemas.ts";

const Brand = z.object({ id: z.string(), name: z.string(), ...Timestamps });
const BrandBody = z.strictObject({ name: DisplayName });
const tags = ["brands"];

export const brandRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    "/v1/brands",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "List brands by name",
        querystring: SearchableListQuery,
        response: { 200: pageSchema(Brand) },
      },
    },
    async (request) => listBrands(database, callerOf(request).organizationId, request.query),
  );

  app.post(
    "/v1/brands",
    {
      config: { scope: scopes.organizationWrite },
      schema: { tags, summary: "Create a brand", body: BrandBody, response: { 201: Brand } },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const brand = await database.transaction((transaction) =>
        createBrand(transaction, organizationId, request.body),
      );
      return reply.status(201).send(brand);
    },
  );

  app.get(
    "/v1/brands/:id",
    {
      config: { scope: scopes.read },
      schema: { tags, summary: "Get a brand", params: IdParameters, response: { 200: Brand } },
    },
    async (request) => {
      const brand = await findBrand(database, callerOf(request).organizationId, request.params.id);
      if (!brand) throw notFound("Brand", request.params.id);
      return brand;
    },
  );

  app.put(
    "/v1/brands/:id",
    {
      config: { scope: scopes.organizationWrite },
      schema: {
        tags,
        summary: "Rename a brand",
        params: IdParameters,
        body: BrandBody,
        response: { 200: Brand },
      },
    },
    async (request) => {
      const { organizationId } = callerOf(request);
      const brand = await database.transaction((transaction) =>
        replaceBrand(transaction, organizationId, request.params.id, request.body),
      );
      if (!brand) throw notFound("Brand", request.params.id);
      return brand;
    },
  );

  app.delete(
    "/v1/brands/:id",
    {
      config: { scope: scopes.organizationWrite },
      schema: { tags, summary: "Delete a brand", params: IdParameters },
    },
    async (request, reply) => {
      if (!(await deleteBrand(database, callerOf(request).organizationId, request.params.id))) {
        throw notFound("Brand", request.params.id);
      }
      return reply.status(204).send();
    },
  );
};
