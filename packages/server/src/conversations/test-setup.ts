import { eq } from "drizzle-orm";
import type { TestOrganization, TestServer } from "../../test/test-server.ts";
import { createDemoContent } from "../bootstrap/demo-content.ts";
import { brands } from "../database/schema/index.ts";

/** An organization with the demo content: the Demo Store brand whose web chat runs the tutorial. */
export async function demoOrganization(
  server: TestServer,
): Promise<{ organization: TestOrganization; brandId: string }> {
  const organization = await server.organization("Demo");
  await server.connection.database.transaction((transaction) =>
    createDemoContent(transaction, organization.id),
  );
  const [brand] = await server.connection.database
    .select({ id: brands.id })
    .from(brands)
    .where(eq(brands.organizationId, organization.id));
  if (!brand) throw new Error("the demo content has no brand");
  return { organization, brandId: brand.id };
}
