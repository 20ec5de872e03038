import type { FoundObject } from "@parley/engine";
import type { BusinessScheduleDefinition } from "@parley/model";
import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import { companies, customers, klasses, objects } from "../database/schema/index.ts";
import { isUuid } from "./identifiers.ts";
import { allSchedules, definitionOfSchedule } from "./schedules.ts";
import { allSnippets } from "./snippets.ts";

/** Business schedules by id, as the engine environment takes them. */
export async function schedulesById(
  executor: Executor,
  organizationId: string,
): Promise<Record<string, BusinessScheduleDefinition>> {
  const rows = await allSchedules(executor, organizationId);
  return Object.fromEntries(rows.map((row) => [row.id, definitionOfSchedule(row)]));
}

/** Snippet text by snippet name, then by language, as the engine environment takes it. */
export async function snippetValues(
  executor: Executor,
  organizationId: string,
): Promise<Record<string, Record<string, string>>> {
  const rows = await allSnippets(executor, organizationId);
  return Object.fromEntries(rows.map((row) => [row.name, row.values]));
}

/**
 * A customer's most recent objects of a custom Klass, newest first: the object selector's
 * result. An unknown Klass or customer finds nothing rather than failing the turn.
 */
export async function recentObjects(
  executor: Executor,
  organizationId: string,
  customerId: string,
  klass: string,
  limit: number,
): Promise<FoundObject[]> {
  if (!isUuid(customerId)) return [];
  return executor
    .select({ id: objects.id, attributes: objects.attributes })
    .from(objects)
    .innerJoin(klasses, eq(klasses.id, objects.klassId))
    .where(
      and(
        eq(objects.organizationId, organizationId),
        eq(objects.customerId, customerId),
        eq(klasses.organizationId, organizationId),
        eq(klasses.name, klass),
      ),
    )
    .orderBy(desc(objects.createdAt), desc(objects.id))
    .limit(limit);
}

/**
 * A customer's attribute values for the engine's conditions and attribute questions: the standard
 * ones (the company by name, as the standard `company` attribute is text) and the custom ones, and
 * the same for their company. `authenticated` is the conversation's to say, so it is not here.
 */
export async function customerAttributeValues(
  executor: Executor,
  organizationId: string,
  customerId: string,
): Promise<{ customer?: Record<string, unknown>; company?: Record<string, unknown> }> {
  if (!isUuid(customerId)) return {};
  const [row] = await executor
    .select({ customer: customers, company: companies })
    .from(customers)
    .leftJoin(companies, eq(companies.id, customers.companyId))
    .where(and(eq(customers.organizationId, organizationId), eq(customers.id, customerId)))
    .limit(1);
  if (row === undefined) return {};
  const { customer, company } = row;
  return {
    customer: {
      ...customer.attributes,
      name: customer.name,
      email: customer.email,
      phone: customer.phone,
      defaultLanguage: customer.defaultLanguage,
      company: company?.name ?? null,
    },
    ...(company ? { company: { ...company.attributes, name: company.name, domain: company.domain } } : {}),
  };
}
