import { count, sql } from "drizzle-orm";
import { createApiKey } from "../access/api-keys.ts";
import { createOrganization } from "../access/organizations.ts";
import { newPassword } from "../access/secrets.ts";
import { createUser } from "../access/users.ts";
import type { ServerConfig } from "../config.ts";
import type { Database } from "../database/connection.ts";
import { organizations } from "../database/schema/index.ts";
import { allScopes } from "../http/scopes.ts";
import { createDemoContent } from "./demo-content.ts";

export interface BootstrapReport {
  organizationId: string;
  adminEmail: string;
  /** Present only when generated: shown once, never stored in clear. */
  generatedPassword?: string;
  generatedApiKey?: string;
}

export const defaultAdminEmail = "admin@parley.local";
/** Any constant: processes starting together on one PostgreSQL create one demo organization, not two. */
const bootstrapLock = 7_246_532;

/**
 * On the very first start (no organization yet), creates the demo
 * organization with an admin user, an admin API key and demo content.
 * Credentials not given in the environment are generated and returned once.
 */
export async function bootstrapFirstStart(
  database: Database,
  config: Pick<ServerConfig, "adminEmail" | "adminPassword" | "adminApiKey">,
): Promise<BootstrapReport | null> {
  return database.transaction(async (transaction) => {
    await transaction.execute(sql`select pg_advisory_xact_lock(${bootstrapLock})`);
    const [existing] = await transaction.select({ total: count() }).from(organizations);
    if ((existing?.total ?? 0) > 0) return null;
    const organization = await createOrganization(transaction, "Demo organization");
    const adminEmail = config.adminEmail ?? defaultAdminEmail;
    const password = config.adminPassword ?? newPassword();
    await createUser(transaction, organization.id, {
      email: adminEmail,
      name: "Admin",
      role: "admin",
      password,
    });
    const { key } = await createApiKey(transaction, organization.id, {
      name: "Bootstrap admin key",
      scopes: allScopes,
      key: config.adminApiKey,
    });
    await createDemoContent(transaction, organization.id);
    return {
      organizationId: organization.id,
      adminEmail,
      ...(config.adminPassword ? {} : { generatedPassword: password }),
      ...(config.adminApiKey ? {} : { generatedApiKey: key }),
    };
  });
}
