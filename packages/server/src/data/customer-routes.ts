import { LanguageTag } from "@parley/model";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../database/connection.ts";
import { callerOf } from "../http/authentication.ts";
import { notFound } from "../http/errors.ts";
import { scopes } from "../http/scopes.ts";
import { KlassName } from "./attribute-definitions.ts";
import {
  deleteCustomer,
  findCustomer,
  findCustomerByExternalId,
  listCustomers,
  updateCustomer,
  upsertCustomer,
} from "./customers.ts";
import { CustomObject } from "./object-routes.ts";
import { listObjects } from "./objects.ts";
import { ListQuery, pageSchema, SearchableListQuery } from "./pagination.ts";
import { AttributeValuesSchema, ExternalId, IdParameters, Timestamps } from "./route-schemas.ts";

const Customer = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  defaultLanguage: z.string().nullable(),
  companyId: z.string().nullable(),
  attributes: AttributeValuesSchema,
  ...Timestamps,
});

/** Left out keeps a field; null clears it. Custom attributes are merged: null removes one. */
const customerFields = {
  name: z.string().trim().max(200).optional(),
  email: z.email().max(320).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ().-]{2,31}$/, "must be a phone number such as +19171234567")
    .nullable()
    .optional(),
  defaultLanguage: LanguageTag.nullable().optional(),
  companyId: z.uuid().nullable().optional(),
  attributes: AttributeValuesSchema.optional(),
};
const ExternalIdParameters = z.object({ externalId: ExternalId });
const tags = ["customers"];

export const customerRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    "/v1/customers",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "List customers, most recent first; search matches name, email, phone and external id",
        querystring: SearchableListQuery.extend({ companyId: z.uuid().optional() }),
        response: { 200: pageSchema(Customer) },
      },
    },
    async (request) => listCustomers(database, callerOf(request).organizationId, request.query),
  );

  app.post(
    "/v1/customers",
    {
      config: { scope: scopes.recordsWrite },
      schema: {
        tags,
        summary: "Create a customer, or update the one with this external id (or else this email)",
        body: z.strictObject({ externalId: ExternalId.optional(), ...customerFields }),
        response: { 200: Customer, 201: Customer },
      },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const result = await database.transaction((transaction) =>
        upsertCustomer(transaction, organizationId, request.body),
      );
      return reply.status(result.created ? 201 : 200).send(result.customer);
    },
  );

  app.get(
    "/v1/customers/by-external-id/:externalId",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "Get a customer by external id",
        params: ExternalIdParameters,
        response: { 200: Customer },
      },
    },
    async (request) => {
      const { externalId } = request.params;
      const customer = await findCustomerByExternalId(database, callerOf(request).organizationId, externalId);
      if (!customer) throw notFound("Customer with external id", externalId);
      return customer;
    },
  );

  app.put(
    "/v1/customers/by-external-id/:externalId",
    {
      config: { scope: scopes.recordsWrite },
      schema: {
        tags,
        summary: "Create or update the customer with this external id",
        params: ExternalIdParameters,
        body: z.strictObject(customerFields),
        response: { 200: Customer, 201: Customer },
      },
    },
    async (request, reply) => {
      const { organizationId } = callerOf(request);
      const result = await database.transaction((transaction) =>
        upsertCustomer(transaction, organizationId, {
          ...request.body,
          externalId: request.params.externalId,
        }),
      );
      return reply.status(result.created ? 201 : 200).send(result.customer);
    },
  );

  app.get(
    "/v1/customers/:id",
    {
      config: { scope: scopes.read },
      schema: { tags, summary: "Get a customer", params: IdParameters, response: { 200: Customer } },
    },
    async (request) => {
      const customer = await findCustomer(database, callerOf(request).organizationId, request.params.id);
      if (!customer) throw notFound("Customer", request.params.id);
      return customer;
    },
  );

  app.patch(
    "/v1/customers/:id",
    {
      config: { scope: scopes.recordsWrite },
      schema: {
        tags,
        summary: "Update a customer",
        params: IdParameters,
        body: z.strictObject({ externalId: ExternalId.nullable().optional(), ...customerFields }),
        response: { 200: Customer },
      },
    },
    async (request) => {
      const { organizationId } = callerOf(request);
      return database.transaction((transaction) =>
        updateCustomer(transaction, organizationId, request.params.id, request.body),
      );
    },
  );

  app.delete(
    "/v1/customers/:id",
    {
      config: { scope: scopes.recordsWrite },
      schema: { tags, summary: "Delete a customer and their objects", params: IdParameters },
    },
    async (request, reply) => {
      if (!(await deleteCustomer(database, callerOf(request).organizationId, request.params.id))) {
        throw notFound("Customer", request.params.id);
      }
      return reply.status(204).send();
    },
  );

  app.get(
    "/v1/customers/:id/objects",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "A customer's custom objects, most recent first (what the object selector shows)",
        params: IdParameters,
        querystring: ListQuery.extend({ klass: KlassName.optional() }),
        response: { 200: pageSchema(CustomObject) },
      },
    },
    async (request) =>
      listObjects(database, callerOf(request).organizationId, {
        ...request.query,
        customerId: request.params.id,
      }),
  );
};
