import * as access from "./access.ts";

/** Every table, for Drizzle's typed queries. Each area keeps its tables in its own file. */
export const schema = { ...access };
export type Schema = typeof schema;
export * from "./access.ts";
