/** Plain SQL for the benchmark's bulk set-up and its measurements, on either driver. */
export { sql } from "drizzle-orm";

/** Both drivers answer `execute` with `{ rows }`; drizzle types it per driver. */
export function rowsOf<Row>(result: unknown): Row[] {
  return (result as { rows: Row[] }).rows;
}
