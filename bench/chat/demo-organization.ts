import { eq } from "drizzle-orm";
import { createOrganization } from "../../packages/server/src/access/organizations.ts";
import { createDemoContent } from "../../packages/server/src/bootstrap/demo-content.ts";
import type { DatabaseConnection } from "../../packages/server/src/database/connection.ts";
import { migrate } from "../../packages/server/src/database/migrate.ts";
import { brands } from "../../packages/server/src/database/schema/index.ts";

/** Migrates a benchmark's new database and gives it one organization with the demo content. */
export async function benchmarkOrganization(
  connection: DatabaseConnection,
): Promise<{ organizationId: string; brandId: string }> {
  const { database } = connection;
  await migrate(connection);
  const organization = await createOrganization(database, "Benchmark");
  await database.transaction((transaction) => createDemoContent(transaction, organization.id));
  const [brand] = await database
    .select({ id: brands.id })
    .from(brands)
    .where(eq(brands.organizationId, organization.id));
  if (!brand) throw new Error("the demo content has no brand");
  return { organizationId: organization.id, brandId: brand.id };
}
