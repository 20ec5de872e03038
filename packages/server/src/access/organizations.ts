import { randomUUID } from "node:crypto";
import type { Executor } from "../database/connection.ts";
import { organizations } from "../database/schema/index.ts";

export async function createOrganization(
  executor: Executor,
  name: string,
): Promise<{ id: string; name: string }> {
  const id = randomUUID();
  await executor.insert(organizations).values({ id, name });
  return { id, name };
}
