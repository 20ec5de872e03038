import { randomUUID } from "node:crypto";
import { and, desc, eq, ilike, or } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import { customers } from "../database/schema/index.ts";
import { notFound } from "../http/errors.ts";
import { type AttributeChanges, checkAttributeValues, mergeAttributes } from "./attribute-values.ts";
import { companyExists } from "./companies.ts";
import { isUuid } from "./identifiers.ts";
import { attributeDefinitionsOf } from "./klasses.ts";
import { lockSubject } from "./locks.ts";
import { beforeCreated, containsPattern, type Page, preciseTimestamp, toPage } from "./pagination.ts";
import { withUniqueFields } from "./unique-violation.ts";
import { valueTaken } from "./value-taken.ts";

/** Fields to write: a field left out keeps its value, null clears it. */
export interface CustomerChanges {
  externalId?: string | null | undefined;
  name?: string | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  defaultLanguage?: string | null | undefined;
  companyId?: string | null | undefined;
  attributes?: AttributeChanges | undefined;
}

export interface CustomerView {
  id: string;
  externalId: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  defaultLanguage: string | null;
  companyId: string | null;
  attributes: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

type CustomerRow = typeof customers.$inferSelect;

function viewOf(row: CustomerRow): CustomerView {
  return {
    id: row.id,
    externalId: row.externalId,
    name: row.name,
    email: row.email,
    phone: row.phone,
    defaultLanguage: row.defaultLanguage,
    companyId: row.companyId,
    attributes: row.attributes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function listCustomers(
  executor: Executor,
  organizationId: string,
  query: {
    limit: number;
    cursor?: string | undefined;
    search?: string | undefined;
    companyId?: string | undefined;
  },
): Promise<Page<CustomerView>> {
  const pattern = query.search ? containsPattern(query.search) : undefined;
  const rows = await executor
    .select({ row: customers, created: preciseTimestamp(customers.createdAt) })
    .from(customers)
    .where(
      and(
        eq(customers.organizationId, organizationId),
        query.companyId ? eq(customers.companyId, query.companyId) : undefined,
        pattern
          ? or(
              ilike(customers.name, pattern),
              ilike(customers.email, pattern),
              ilike(customers.phone, pattern),
              ilike(customers.externalId, pattern),
            )
          : undefined,
        beforeCreated(customers.createdAt, customers.id, query.cursor),
      ),
    )
    .orderBy(desc(customers.createdAt), desc(customers.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    ({ row, created }) => [created, row.id],
    ({ row }) => viewOf(row),
  );
}

async function rowWhere(
  executor: Executor,
  organizationId: string,
  field: "id" | "externalId" | "email",
  value: string,
): Promise<CustomerRow | undefined> {
  if (field === "id" && !isUuid(value)) return undefined;
  const [row] = await executor
    .select()
    .from(customers)
    .where(and(eq(customers.organizationId, organizationId), eq(customers[field], value)))
    .limit(1);
  return row;
}

export async function findCustomer(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<CustomerView | null> {
  const row = await rowWhere(executor, organizationId, "id", id);
  return row ? viewOf(row) : null;
}

export async function findCustomerByExternalId(
  executor: Executor,
  organizationId: string,
  externalId: string,
): Promise<CustomerView | null> {
  const row = await rowWhere(executor, organizationId, "externalId", externalId);
  return row ? viewOf(row) : null;
}

export async function customerExists(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<boolean> {
  return (await rowWhere(executor, organizationId, "id", id)) !== undefined;
}

/** Refuses an external id or email that another customer of the organization has. */
async function checkUnique(
  executor: Executor,
  organizationId: string,
  changes: CustomerChanges,
  selfId?: string,
) {
  for (const field of ["externalId", "email"] as const) {
    const value = changes[field];
    if (value === undefined || value === null) continue;
    const other = await rowWhere(executor, organizationId, field, value);
    if (other !== undefined && other.id !== selfId) throw valueTaken("customer", field, value);
  }
}

async function write(
  executor: Executor,
  organizationId: string,
  existing: CustomerRow | undefined,
  input: CustomerChanges,
): Promise<CustomerRow> {
  const changes = { ...input, ...(input.email ? { email: normalizeEmail(input.email) } : {}) };
  await checkUnique(executor, organizationId, changes, existing?.id);
  if (changes.companyId && !(await companyExists(executor, organizationId, changes.companyId))) {
    throw notFound("Company", changes.companyId);
  }
  const definitions = (await attributeDefinitionsOf(executor, organizationId, "customer")) ?? [];
  const attributes = mergeAttributes(
    existing?.attributes ?? {},
    checkAttributeValues("customer", definitions, changes.attributes ?? {}),
  );
  const fields = {
    ...(changes.externalId !== undefined ? { externalId: changes.externalId } : {}),
    ...(changes.name !== undefined ? { name: changes.name } : {}),
    ...(changes.email !== undefined ? { email: changes.email } : {}),
    ...(changes.phone !== undefined ? { phone: changes.phone } : {}),
    ...(changes.defaultLanguage !== undefined ? { defaultLanguage: changes.defaultLanguage } : {}),
    ...(changes.companyId !== undefined ? { companyId: changes.companyId } : {}),
    attributes,
  };
  const [row] = await withUniqueFields(
    "customer",
    { customers_external_id: "externalId", customers_email: "email" },
    () =>
      existing
        ? executor
            .update(customers)
            .set({ ...fields, updatedAt: new Date() })
            .where(eq(customers.id, existing.id))
            .returning()
        : executor
            .insert(customers)
            .values({ id: randomUUID(), organizationId, ...fields })
            .returning(),
  );
  if (!row) throw new Error("the customer was not stored");
  return row;
}

/**
 * Creates the customer, or updates the one with the same external id or, failing that, the same
 * email. Each key is locked first, so two calls for one new customer create it once.
 */
export async function upsertCustomer(
  executor: Executor,
  organizationId: string,
  changes: CustomerChanges,
): Promise<{ created: boolean; customer: CustomerView }> {
  const email = changes.email ? normalizeEmail(changes.email) : undefined;
  const keys = [
    ...(changes.externalId ? [`customer-external-id:${changes.externalId}`] : []),
    ...(email ? [`customer-email:${email}`] : []),
  ].sort();
  for (const key of keys) await lockSubject(executor, organizationId, key);
  const byExternalId = changes.externalId
    ? await rowWhere(executor, organizationId, "externalId", changes.externalId)
    : undefined;
  const byEmail =
    email && !byExternalId ? await rowWhere(executor, organizationId, "email", email) : undefined;
  // A customer found by email who has another external id is someone else: writing it is a conflict.
  const sameCustomer = byEmail && (!changes.externalId || byEmail.externalId === null) ? byEmail : undefined;
  const existing = byExternalId ?? sameCustomer;
  const row = await write(executor, organizationId, existing, changes);
  return { created: existing === undefined, customer: viewOf(row) };
}

export async function updateCustomer(
  executor: Executor,
  organizationId: string,
  id: string,
  changes: CustomerChanges,
): Promise<CustomerView> {
  const existing = await rowWhere(executor, organizationId, "id", id);
  if (existing === undefined) throw notFound("Customer", id);
  return viewOf(await write(executor, organizationId, existing, changes));
}

/** Deletes a customer and, through the foreign key, their objects. */
export async function deleteCustomer(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await executor
    .delete(customers)
    .where(and(eq(customers.organizationId, organizationId), eq(customers.id, id)))
    .returning({ id: customers.id });
  return rows.length > 0;
}
