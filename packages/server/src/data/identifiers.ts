const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are uuids; anything else cannot name a row, and PostgreSQL would reject it in a query. */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
