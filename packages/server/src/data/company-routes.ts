import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../database/connection.ts";
import { callerOf } from "../http/authentication.ts";
import { notFound } from "../http/errors.ts";
import { scopes } from "../http/scopes.ts";
import { deleteCompany, findCompany, listCompanies, updateCompany, upsertCompany } from "./companies.ts";
import { pageSchema, SearchableListQuery } from "./pagination.ts";
import { AttributeValuesSchema, ExternalId, IdParameters, Timestamps } from "./route-schemas.ts";

const Company = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  name: z.string(),
  domain: z.string().nullable(),
  attributes: AttributeValuesSchema,
  ...Timestamps,
});

/** Left out keeps a field; null clears it. Custom attributes are merged: null removes one. */
const companyFields = {
  name: z.string().trim().max(200).optional(),
  domain: z
    .string()
    .trim()
    .max(253)
    .regex(/^([A-Za-z0-9-]+\.)+[A-Za-z]{2,}$/, "must be a domain such as example.com")
    .nullable()
    .optional(),
  attributes: AttributeValuesSchema.optional(),
};
const ExternalIdParameters = z.object({ externalId: ExternalId });
const tags = ["companies"];

export const companyRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    "/v1/companies",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "List companies, most recent first; search matches name, domain and external id",
        querystring: SearchableListQuery,
        response: { 200: pageSchema(Company) },
      },
    },
    async (request) => listCompanies(database, callerOf(request).organizationId, request.query),
  );

  app.post(
    "/v1/companies",
    {
      config: { scope: scopes.recordsWrite },
      schema: {
        tags,
        summary: "Create a company, or update the one with this external id (or else this domain)",
        body: z.strictObject({ externalId: ExternalId.optional(), ...companyFields }),
        response: { 200: Company, 201: Company },
      },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const result = await database.transaction((transaction) =>
        upsertCompany(transaction, organizationId, request.body),
      );
      return reply.status(result.created ? 201 : 200).send(result.company);
    },
  );

  app.put(
    "/v1/companies/by-external-id/:externalId",
    {
      config: { scope: scopes.recordsWrite },
      schema: {
        tags,
        summary: "Create or update the company with this external id",
        params: ExternalIdParameters,
        body: z.strictObject(companyFields),
        response: { 200: Company, 201: Company },
      },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const result = await database.transaction((transaction) =>
        upsertCompany(transaction, organizationId, {
          ...request.body,
          externalId: request.params.externalId,
        }),
      );
      return reply.status(result.created ? 201 : 200).send(result.company);
    },
  );

  app.get(
    "/v1/companies/:id",
    {
      config: { scope: scopes.read },
      schema: { tags, summary: "Get a company", params: IdParameters, response: { 200: Company } },
    },
    async (request) => {
      const company = await findCompany(database, callerOf(request).organizationId, request.params.id);
      if (!company) throw notFound("Company", request.params.id);
      return company;
    },
  );

  app.patch(
    "/v1/companies/:id",
    {
      config: { scope: scopes.recordsWrite },
      schema: {
        tags,
        summary: "Update a company",
        params: IdParameters,
        body: z.strictObject({ externalId: ExternalId.nullable().optional(), ...companyFields }),
        response: { 200: Company },
      },
    },
    async (request) => {
      const { organizationId } = callerOf(request);
      return database.transaction((transaction) =>
        updateCompany(transaction, organizationId, request.params.id, request.body),
      );
    },
  );

  app.delete(
    "/v1/companies/:id",
    {
      config: { scope: scopes.recordsWrite },
      schema: { tags, summary: "Delete a company (its customers stay, without it)", params: IdParameters },
    },
    async (request, reply) => {
      if (!(await deleteCompany(database, callerOf(request).organizationId, request.params.id))) {
        throw notFound("Company", request.params.id);
      }
      return reply.status(204).send();
    },
  );
};
