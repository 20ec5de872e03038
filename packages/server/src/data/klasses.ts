import { randomUUID } from "node:crypto";
import { type AttributeDefinition, type KlassDefinition, standardKlasses } from "@parley/model";
import { and, asc, count, eq, notInArray } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import { klasses } from "../database/schema/index.ts";
import { ApiError, limitReached, notFound } from "../http/errors.ts";
import {
  type AttributeView,
  customAttributeView,
  isStandardAttribute,
  isStandardKlass,
  standardAttributeViews,
  standardKlassLabels,
} from "./attribute-definitions.ts";
import { dataLimits } from "./limits.ts";
import { lockSubject } from "./locks.ts";

export interface KlassView {
  name: string;
  label: string;
  standard: boolean;
  /** Standard attributes first (for standard Klasses), then custom ones. */
  attributes: AttributeView[];
}

type KlassRow = typeof klasses.$inferSelect;

function viewOf(name: string, row: KlassRow | undefined): KlassView {
  const custom = (row?.attributes ?? []).map(customAttributeView);
  if (isStandardKlass(name)) {
    return {
      name,
      label: standardKlassLabels[name],
      standard: true,
      attributes: [...standardAttributeViews(name), ...custom],
    };
  }
  return { name, label: row?.label ?? name, standard: false, attributes: custom };
}

async function rowsOf(executor: Executor, organizationId: string): Promise<KlassRow[]> {
  return executor
    .select()
    .from(klasses)
    .where(eq(klasses.organizationId, organizationId))
    .orderBy(asc(klasses.name));
}

async function rowOf(
  executor: Executor,
  organizationId: string,
  name: string,
): Promise<KlassRow | undefined> {
  const [row] = await executor
    .select()
    .from(klasses)
    .where(and(eq(klasses.organizationId, organizationId), eq(klasses.name, name)))
    .limit(1);
  return row;
}

/** The standard Klasses, then the custom ones by name. */
export async function listKlasses(executor: Executor, organizationId: string): Promise<KlassView[]> {
  const rows = await rowsOf(executor, organizationId);
  const byName = new Map(rows.map((row) => [row.name, row]));
  const custom = rows.filter((row) => !isStandardKlass(row.name));
  return [
    ...standardKlasses.map((name) => viewOf(name, byName.get(name))),
    ...custom.map((row) => viewOf(row.name, row)),
  ];
}

export async function findKlass(
  executor: Executor,
  organizationId: string,
  name: string,
): Promise<KlassView | null> {
  const row = await rowOf(executor, organizationId, name);
  if (row === undefined && !isStandardKlass(name)) return null;
  return viewOf(name, row);
}

/**
 * What assistant validation knows of the organization's Klasses: the standard ones with their
 * custom attributes only (listing standard attributes would make them look updatable) and the
 * custom Klasses.
 */
export async function klassDefinitions(
  executor: Executor,
  organizationId: string,
): Promise<KlassDefinition[]> {
  const rows = await rowsOf(executor, organizationId);
  const byName = new Map(rows.map((row) => [row.name, row]));
  const definition = (name: string, row: KlassRow | undefined): KlassDefinition => ({
    name,
    ...(row?.label
      ? { label: row.label }
      : isStandardKlass(name)
        ? { label: standardKlassLabels[name] }
        : {}),
    attributes: row?.attributes ?? [],
  });
  return [
    ...standardKlasses.map((name) => definition(name, byName.get(name))),
    ...rows.filter((row) => !isStandardKlass(row.name)).map((row) => definition(row.name, row)),
  ];
}

/** The custom attribute definitions of a Klass, or null when the organization has no such Klass. */
export async function attributeDefinitionsOf(
  executor: Executor,
  organizationId: string,
  name: string,
): Promise<AttributeDefinition[] | null> {
  const row = await rowOf(executor, organizationId, name);
  if (row === undefined) return isStandardKlass(name) ? [] : null;
  return row.attributes;
}

/** The id of a custom Klass, which its objects point to. */
export async function customKlassId(
  executor: Executor,
  organizationId: string,
  name: string,
): Promise<string | null> {
  if (isStandardKlass(name)) return null;
  const row = await rowOf(executor, organizationId, name);
  return row?.id ?? null;
}

function checkAttributes(klass: string, attributes: readonly AttributeDefinition[], pointer: string): void {
  if (attributes.length > dataLimits.attributesPerKlass) {
    throw limitReached(`custom attributes on a Klass`, dataLimits.attributesPerKlass);
  }
  const problems = attributes.flatMap((attribute, index) => {
    const path = `${pointer}/${index}/name`;
    if (isStandardAttribute(klass, attribute.name)) {
      return [
        {
          in: "body" as const,
          path,
          code: "standard_attribute",
          message: `${klass}.${attribute.name} is a standard attribute`,
        },
      ];
    }
    const first = attributes.findIndex((candidate) => candidate.name === attribute.name);
    if (first !== index) {
      return [
        { in: "body" as const, path, code: "duplicate", message: `${attribute.name} is defined twice` },
      ];
    }
    return [];
  });
  if (problems.length > 0) {
    throw new ApiError(400, "invalid_request", `The request has ${problems.length} invalid field(s).`, {
      problems,
    });
  }
}

function klassNameTaken(name: string): ApiError {
  return new ApiError(409, "klass_exists", `A Klass named ${name} already exists.`, {
    problems: [
      { in: "body", path: "/name", code: "unique", message: "is already a Klass of this organization" },
    ],
  });
}

export async function createKlass(
  executor: Executor,
  organizationId: string,
  input: { name: string; label?: string | undefined; attributes: AttributeDefinition[] },
): Promise<KlassView> {
  if (isStandardKlass(input.name)) throw klassNameTaken(input.name);
  checkAttributes(input.name, input.attributes, "/attributes");
  await lockSubject(executor, organizationId, "klasses");
  if ((await rowOf(executor, organizationId, input.name)) !== undefined) throw klassNameTaken(input.name);
  const [existing] = await executor
    .select({ total: count() })
    .from(klasses)
    .where(and(eq(klasses.organizationId, organizationId), notInArray(klasses.name, [...standardKlasses])));
  if ((existing?.total ?? 0) >= dataLimits.customKlasses) {
    throw limitReached("custom Klasses", dataLimits.customKlasses);
  }
  const [row] = await executor
    .insert(klasses)
    .values({
      id: randomUUID(),
      organizationId,
      name: input.name,
      label: input.label ?? null,
      attributes: input.attributes,
    })
    .returning();
  return viewOf(input.name, row);
}

/**
 * The row holding a Klass's custom attributes, locked for this transaction; standard Klasses get
 * theirs on first use, so writers of one Klass's attributes never overwrite each other.
 */
async function lockedRow(executor: Executor, organizationId: string, name: string): Promise<KlassRow> {
  if (isStandardKlass(name)) {
    await executor
      .insert(klasses)
      .values({ id: randomUUID(), organizationId, name, attributes: [] })
      .onConflictDoNothing();
  }
  const [row] = await executor
    .select()
    .from(klasses)
    .where(and(eq(klasses.organizationId, organizationId), eq(klasses.name, name)))
    .for("update");
  if (row === undefined) throw notFound("Klass", name);
  return row;
}

/** Replaces a Klass's label (custom Klasses only) and its whole list of custom attributes. */
export async function replaceKlass(
  executor: Executor,
  organizationId: string,
  name: string,
  input: { label?: string | undefined; attributes: AttributeDefinition[] },
): Promise<KlassView> {
  if (isStandardKlass(name) && input.label !== undefined) {
    throw new ApiError(400, "invalid_request", "Standard Klasses keep their label.", {
      problems: [
        { in: "body", path: "/label", code: "standard_klass", message: "standard Klasses keep their label" },
      ],
    });
  }
  checkAttributes(name, input.attributes, "/attributes");
  const row = await lockedRow(executor, organizationId, name);
  const [updated] = await executor
    .update(klasses)
    .set({ label: input.label ?? null, attributes: input.attributes, updatedAt: new Date() })
    .where(eq(klasses.id, row.id))
    .returning();
  return viewOf(name, updated);
}

/** Deletes a custom Klass and, through the foreign key, all its objects. */
export async function deleteKlass(
  executor: Executor,
  organizationId: string,
  name: string,
): Promise<boolean> {
  if (isStandardKlass(name)) {
    throw new ApiError(422, "standard_klass", `The standard Klass ${name} cannot be deleted.`);
  }
  const rows = await executor
    .delete(klasses)
    .where(and(eq(klasses.organizationId, organizationId), eq(klasses.name, name)))
    .returning({ id: klasses.id });
  return rows.length > 0;
}

/** Adds or replaces one custom attribute; says which it did. */
export async function putKlassAttribute(
  executor: Executor,
  organizationId: string,
  klass: string,
  definition: AttributeDefinition,
): Promise<{ created: boolean; klass: KlassView }> {
  if (isStandardAttribute(klass, definition.name)) {
    throw new ApiError(400, "invalid_request", `${klass}.${definition.name} is a standard attribute.`, {
      problems: [
        {
          in: "params",
          path: "/attribute",
          code: "standard_attribute",
          message: `${klass}.${definition.name} is a standard attribute`,
        },
      ],
    });
  }
  const row = await lockedRow(executor, organizationId, klass);
  const index = row.attributes.findIndex((candidate) => candidate.name === definition.name);
  const attributes =
    index === -1
      ? [...row.attributes, definition]
      : row.attributes.map((candidate, position) => (position === index ? definition : candidate));
  if (attributes.length > dataLimits.attributesPerKlass) {
    throw limitReached("custom attributes on a Klass", dataLimits.attributesPerKlass);
  }
  const [updated] = await executor
    .update(klasses)
    .set({ attributes, updatedAt: new Date() })
    .where(eq(klasses.id, row.id))
    .returning();
  return { created: index === -1, klass: viewOf(klass, updated) };
}

export async function deleteKlassAttribute(
  executor: Executor,
  organizationId: string,
  klass: string,
  attribute: string,
): Promise<boolean> {
  const [row] = await executor
    .select()
    .from(klasses)
    .where(and(eq(klasses.organizationId, organizationId), eq(klasses.name, klass)))
    .for("update");
  if (row === undefined || !row.attributes.some((candidate) => candidate.name === attribute)) return false;
  await executor
    .update(klasses)
    .set({
      attributes: row.attributes.filter((candidate) => candidate.name !== attribute),
      updatedAt: new Date(),
    })
    .where(eq(klasses.id, row.id));
  return true;
}
