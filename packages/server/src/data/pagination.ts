import { type Column, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { ApiError } from "../http/errors.ts";
import { isUuid } from "./identifiers.ts";

export const defaultPageSize = 50;
export const maxPageSize = 200;

/** The query every list accepts; `search` only where the list says it searches. */
export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(maxPageSize).default(defaultPageSize),
  cursor: z.string().min(1).max(512).optional(),
});
export const SearchableListQuery = ListQuery.extend({ search: z.string().trim().max(200).optional() });

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

/**
 * Cursors are the sort key of the last row seen, encoded so callers treat them as opaque and we
 * may change what is inside.
 */
function encodeCursor(values: readonly [string, string]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

function invalidCursor(): ApiError {
  return new ApiError(400, "invalid_request", "The cursor is not one this list returned.", {
    problems: [
      { in: "query", path: "/cursor", code: "invalid_cursor", message: "is not a cursor of this list" },
    ],
  });
}

/** The sort key and the row id a cursor holds; anything we did not make is a 400, never a 500. */
function decodeCursor(cursor: string): [string, string] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(values) || values.length !== 2) throw invalidCursor();
  const [key, id] = values as unknown[];
  if (typeof key !== "string" || typeof id !== "string" || !isUuid(id)) throw invalidCursor();
  return [key, id];
}

/** Lists fetch one row more than the page, to know whether another page follows without counting. */
export function toPage<Row, Item>(
  rows: readonly Row[],
  limit: number,
  cursorOf: (row: Row) => readonly [string, string],
  itemOf: (row: Row) => Item,
): Page<Item> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    data: pageRows.map(itemOf),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}

/**
 * A timestamp as text with microseconds: JavaScript dates keep milliseconds only, and a cursor
 * rounded to them would skip or repeat rows created within the same millisecond.
 */
export function preciseTimestamp(column: Column): SQL<string> {
  return sql<string>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** Rows after the cursor in `ORDER BY name, id`. */
export function afterName(nameColumn: Column, idColumn: Column, cursor: string | undefined): SQL | undefined {
  if (cursor === undefined) return undefined;
  const [name, id] = decodeCursor(cursor);
  return sql`(${nameColumn}, ${idColumn}) > (${name}, ${id}::uuid)`;
}

/** Rows after the cursor in `ORDER BY created_at DESC, id DESC` (most recent first). */
export function beforeCreated(
  createdColumn: Column,
  idColumn: Column,
  cursor: string | undefined,
): SQL | undefined {
  if (cursor === undefined) return undefined;
  const [created, id] = decodeCursor(cursor);
  if (Number.isNaN(Date.parse(created))) throw invalidCursor();
  return sql`(${createdColumn}, ${idColumn}) < (${created}::timestamptz, ${id}::uuid)`;
}

/** A case-insensitive substring pattern with the LIKE wildcards of the search taken literally. */
export function containsPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
