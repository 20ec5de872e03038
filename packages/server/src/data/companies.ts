import { randomUUID } from "node:crypto";
import { and, desc, eq, ilike, or } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import { companies } from "../database/schema/index.ts";
import { notFound } from "../http/errors.ts";
import { type AttributeChanges, checkAttributeValues, mergeAttributes } from "./attribute-values.ts";
import { isUuid } from "./identifiers.ts";
import { attributeDefinitionsOf } from "./klasses.ts";
import { lockSubject } from "./locks.ts";
import { beforeCreated, containsPattern, type Page, preciseTimestamp, toPage } from "./pagination.ts";
import { withUniqueFields } from "./unique-violation.ts";
import { valueTaken } from "./value-taken.ts";

/** Fields to write: a field left out keeps its value, null clears it. */
export interface CompanyChanges {
  externalId?: string | null | undefined;
  name?: string | undefined;
  domain?: string | null | undefined;
  attributes?: AttributeChanges | undefined;
}

export interface CompanyView {
  id: string;
  externalId: string | null;
  name: string;
  domain: string | null;
  attributes: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

type CompanyRow = typeof companies.$inferSelect;

function viewOf(row: CompanyRow): CompanyView {
  return {
    id: row.id,
    externalId: row.externalId,
    name: row.name,
    domain: row.domain,
    attributes: row.attributes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function normalizeDomain(domain: string): string {
  return domain.trim().toLowerCase();
}

const selection = { row: companies, created: preciseTimestamp(companies.createdAt) };

export async function listCompanies(
  executor: Executor,
  organizationId: string,
  query: { limit: number; cursor?: string | undefined; search?: string | undefined },
): Promise<Page<CompanyView>> {
  const pattern = query.search ? containsPattern(query.search) : undefined;
  const rows = await executor
    .select(selection)
    .from(companies)
    .where(
      and(
        eq(companies.organizationId, organizationId),
        pattern
          ? or(
              ilike(companies.name, pattern),
              ilike(companies.domain, pattern),
              ilike(companies.externalId, pattern),
            )
          : undefined,
        beforeCreated(companies.createdAt, companies.id, query.cursor),
      ),
    )
    .orderBy(desc(companies.createdAt), desc(companies.id))
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
  field: "id" | "externalId" | "domain",
  value: string,
): Promise<CompanyRow | undefined> {
  if (field === "id" && !isUuid(value)) return undefined;
  const [row] = await executor
    .select()
    .from(companies)
    .where(and(eq(companies.organizationId, organizationId), eq(companies[field], value)))
    .limit(1);
  return row;
}

export async function findCompany(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<CompanyView | null> {
  const row = await rowWhere(executor, organizationId, "id", id);
  return row ? viewOf(row) : null;
}

export async function companyExists(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<boolean> {
  return (await rowWhere(executor, organizationId, "id", id)) !== undefined;
}

/** Refuses an external id or domain that another company of the organization has. */
async function checkUnique(
  executor: Executor,
  organizationId: string,
  changes: CompanyChanges,
  selfId?: string,
) {
  for (const field of ["externalId", "domain"] as const) {
    const value = changes[field];
    if (value === undefined || value === null) continue;
    const other = await rowWhere(executor, organizationId, field, value);
    if (other !== undefined && other.id !== selfId) throw valueTaken("company", field, value);
  }
}

async function write(
  executor: Executor,
  organizationId: string,
  existing: CompanyRow | undefined,
  input: CompanyChanges,
): Promise<CompanyRow> {
  const changes = { ...input, ...(input.domain ? { domain: normalizeDomain(input.domain) } : {}) };
  await checkUnique(executor, organizationId, changes, existing?.id);
  const definitions = (await attributeDefinitionsOf(executor, organizationId, "company")) ?? [];
  const attributes = mergeAttributes(
    existing?.attributes ?? {},
    checkAttributeValues("company", definitions, changes.attributes ?? {}),
  );
  const fields = {
    ...(changes.externalId !== undefined ? { externalId: changes.externalId } : {}),
    ...(changes.name !== undefined ? { name: changes.name } : {}),
    ...(changes.domain !== undefined ? { domain: changes.domain } : {}),
    attributes,
  };
  const [row] = await withUniqueFields(
    "company",
    { companies_external_id: "externalId", companies_domain: "domain" },
    () =>
      existing
        ? executor
            .update(companies)
            .set({ ...fields, updatedAt: new Date() })
            .where(eq(companies.id, existing.id))
            .returning()
        : executor
            .insert(companies)
            .values({ id: randomUUID(), organizationId, ...fields })
            .returning(),
  );
  if (!row) throw new Error("the company was not stored");
  return row;
}

/**
 * Creates the company, or updates the one with the same external id (or, without one, the same
 * domain). Each key is locked first, so two calls for one new company create it once.
 */
export async function upsertCompany(
  executor: Executor,
  organizationId: string,
  changes: CompanyChanges,
): Promise<{ created: boolean; company: CompanyView }> {
  const domain = changes.domain ? normalizeDomain(changes.domain) : undefined;
  const keys = [
    ...(changes.externalId ? [`company-external-id:${changes.externalId}`] : []),
    ...(domain ? [`company-domain:${domain}`] : []),
  ].sort();
  for (const key of keys) await lockSubject(executor, organizationId, key);
  const byExternalId = changes.externalId
    ? await rowWhere(executor, organizationId, "externalId", changes.externalId)
    : undefined;
  const byDomain =
    domain && !byExternalId ? await rowWhere(executor, organizationId, "domain", domain) : undefined;
  // A company found by domain that has another external id is someone else: writing it is a conflict.
  const sameCompany =
    byDomain && (!changes.externalId || byDomain.externalId === null) ? byDomain : undefined;
  const existing = byExternalId ?? sameCompany;
  const row = await write(executor, organizationId, existing, changes);
  return { created: existing === undefined, company: viewOf(row) };
}

export async function updateCompany(
  executor: Executor,
  organizationId: string,
  id: string,
  changes: CompanyChanges,
): Promise<CompanyView> {
  const existing = await rowWhere(executor, organizationId, "id", id);
  if (existing === undefined) throw notFound("Company", id);
  return viewOf(await write(executor, organizationId, existing, changes));
}

/** Deletes a company; its customers stay, without it. */
export async function deleteCompany(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await executor
    .delete(companies)
    .where(and(eq(companies.organizationId, organizationId), eq(companies.id, id)))
    .returning({ id: companies.id });
  return rows.length > 0;
}
