import { randomUUID } from "node:crypto";
import type { AttributeDefinition } from "@parley/model";
import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import { klasses, objects } from "../database/schema/index.ts";
import { ApiError, notFound } from "../http/errors.ts";
import { isStandardKlass } from "./attribute-definitions.ts";
import { type AttributeChanges, checkAttributeValues, mergeAttributes } from "./attribute-values.ts";
import { customerExists } from "./customers.ts";
import { isUuid } from "./identifiers.ts";
import { lockSubject } from "./locks.ts";
import { beforeCreated, type Page, preciseTimestamp, toPage } from "./pagination.ts";
import { withUniqueFields } from "./unique-violation.ts";
import { valueTaken } from "./value-taken.ts";

/** Fields to write: a field left out keeps its value, null clears it. */
export interface ObjectChanges {
  customerId?: string | undefined;
  externalId?: string | null | undefined;
  attributes?: AttributeChanges | undefined;
  /** When the object came to be (an order's placing), for imports; new objects default to now. */
  createdAt?: string | undefined;
}

export interface ObjectView {
  id: string;
  klass: string;
  customerId: string;
  externalId: string | null;
  attributes: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

type ObjectRow = typeof objects.$inferSelect;

interface CustomKlass {
  id: string;
  name: string;
  attributes: AttributeDefinition[];
}

function viewOf(klass: string, row: ObjectRow): ObjectView {
  return {
    id: row.id,
    klass,
    customerId: row.customerId,
    externalId: row.externalId,
    attributes: row.attributes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The custom Klass objects are written to; standard Klasses have records of their own, not objects. */
async function customKlass(executor: Executor, organizationId: string, name: string): Promise<CustomKlass> {
  const [row] = isStandardKlass(name)
    ? []
    : await executor
        .select({ id: klasses.id, name: klasses.name, attributes: klasses.attributes })
        .from(klasses)
        .where(and(eq(klasses.organizationId, organizationId), eq(klasses.name, name)))
        .limit(1);
  if (row === undefined) throw notFound("Custom Klass", name);
  return row;
}

/**
 * Objects most recent first, of one custom Klass or of all of them, for one customer or for all:
 * with a customer and a Klass, this is the object selector's query.
 */
export async function listObjects(
  executor: Executor,
  organizationId: string,
  query: {
    klass?: string | undefined;
    customerId?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<Page<ObjectView>> {
  const klass =
    query.klass === undefined ? undefined : await customKlass(executor, organizationId, query.klass);
  if (query.customerId !== undefined && !(await customerExists(executor, organizationId, query.customerId))) {
    throw notFound("Customer", query.customerId);
  }
  const rows = await executor
    .select({ row: objects, klass: klasses.name, created: preciseTimestamp(objects.createdAt) })
    .from(objects)
    .innerJoin(klasses, eq(klasses.id, objects.klassId))
    .where(
      and(
        eq(objects.organizationId, organizationId),
        klass ? eq(objects.klassId, klass.id) : undefined,
        query.customerId ? eq(objects.customerId, query.customerId) : undefined,
        beforeCreated(objects.createdAt, objects.id, query.cursor),
      ),
    )
    .orderBy(desc(objects.createdAt), desc(objects.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    ({ row, created }) => [created, row.id],
    ({ row, klass: name }) => viewOf(name, row),
  );
}

async function rowWhere(
  executor: Executor,
  organizationId: string,
  klass: CustomKlass,
  field: "id" | "externalId",
  value: string,
): Promise<ObjectRow | undefined> {
  if (field === "id" && !isUuid(value)) return undefined;
  const [row] = await executor
    .select()
    .from(objects)
    .where(
      and(
        eq(objects.organizationId, organizationId),
        eq(objects.klassId, klass.id),
        eq(objects[field], value),
      ),
    )
    .limit(1);
  return row;
}

export async function findObject(
  executor: Executor,
  organizationId: string,
  klassName: string,
  id: string,
): Promise<ObjectView | null> {
  const klass = await customKlass(executor, organizationId, klassName);
  const row = await rowWhere(executor, organizationId, klass, "id", id);
  return row ? viewOf(klass.name, row) : null;
}

export async function findObjectByExternalId(
  executor: Executor,
  organizationId: string,
  klassName: string,
  externalId: string,
): Promise<ObjectView | null> {
  const klass = await customKlass(executor, organizationId, klassName);
  const row = await rowWhere(executor, organizationId, klass, "externalId", externalId);
  return row ? viewOf(klass.name, row) : null;
}

async function write(
  executor: Executor,
  organizationId: string,
  klass: CustomKlass,
  existing: ObjectRow | undefined,
  changes: ObjectChanges,
): Promise<ObjectRow> {
  if (changes.externalId) {
    const other = await rowWhere(executor, organizationId, klass, "externalId", changes.externalId);
    if (other !== undefined && other.id !== existing?.id) {
      throw valueTaken(`${klass.name} object`, "externalId", changes.externalId);
    }
  }
  const customerId = changes.customerId ?? existing?.customerId;
  if (customerId === undefined) {
    throw new ApiError(400, "invalid_request", "A new object needs the customer it belongs to.", {
      problems: [
        { in: "body", path: "/customerId", code: "required", message: "is required for a new object" },
      ],
    });
  }
  if (
    changes.customerId !== undefined &&
    !(await customerExists(executor, organizationId, changes.customerId))
  ) {
    throw notFound("Customer", changes.customerId);
  }
  const attributes = mergeAttributes(
    existing?.attributes ?? {},
    checkAttributeValues(klass.name, klass.attributes, changes.attributes ?? {}),
  );
  const fields = {
    customerId,
    attributes,
    ...(changes.externalId !== undefined ? { externalId: changes.externalId } : {}),
    ...(changes.createdAt !== undefined ? { createdAt: new Date(changes.createdAt) } : {}),
  };
  const [row] = await withUniqueFields(`${klass.name} object`, { objects_external_id: "externalId" }, () =>
    existing
      ? executor
          .update(objects)
          .set({ ...fields, updatedAt: new Date() })
          .where(eq(objects.id, existing.id))
          .returning()
      : executor
          .insert(objects)
          .values({ id: randomUUID(), organizationId, klassId: klass.id, ...fields })
          .returning(),
  );
  if (!row) throw new Error("the object was not stored");
  return row;
}

/** Creates an object, or updates the one of the same Klass with the same external id. */
export async function upsertObject(
  executor: Executor,
  organizationId: string,
  klassName: string,
  changes: ObjectChanges,
): Promise<{ created: boolean; object: ObjectView }> {
  const klass = await customKlass(executor, organizationId, klassName);
  if (changes.externalId) {
    await lockSubject(executor, organizationId, `object-external-id:${klass.id}:${changes.externalId}`);
  }
  const existing = changes.externalId
    ? await rowWhere(executor, organizationId, klass, "externalId", changes.externalId)
    : undefined;
  const row = await write(executor, organizationId, klass, existing, changes);
  return { created: existing === undefined, object: viewOf(klass.name, row) };
}

export async function updateObject(
  executor: Executor,
  organizationId: string,
  klassName: string,
  id: string,
  changes: ObjectChanges,
): Promise<ObjectView> {
  const klass = await customKlass(executor, organizationId, klassName);
  const existing = await rowWhere(executor, organizationId, klass, "id", id);
  if (existing === undefined) throw notFound(`${klass.name} object`, id);
  return viewOf(klass.name, await write(executor, organizationId, klass, existing, changes));
}

export async function deleteObject(
  executor: Executor,
  organizationId: string,
  klassName: string,
  id: string,
): Promise<boolean> {
  const klass = await customKlass(executor, organizationId, klassName);
  if (!isUuid(id)) return false;
  const rows = await executor
    .delete(objects)
    .where(and(eq(objects.organizationId, organizationId), eq(objects.klassId, klass.id), eq(objects.id, id)))
    .returning({ id: objects.id });
  return rows.length > 0;
}
