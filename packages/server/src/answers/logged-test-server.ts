/**
 * The test server of test/test-server.ts with the server's log kept, at debug level, so tests can
 * show that nothing secret (an LLM provider's API key) is ever written to it.
 */
import { randomBytes } from "node:crypto";
import { createPostgresDatabase, type DatabaseKind, type TestServer } from "../../test/test-server.ts";
import { createApiKey } from "../access/api-keys.ts";
import { createOrganization } from "../access/organizations.ts";
import { createUser } from "../access/users.ts";
import { buildApp } from "../app.ts";
import { openPglite, openPostgres } from "../database/connection.ts";
import { migrate } from "../database/migrate.ts";
import { allScopes, type Scope } from "../http/scopes.ts";
import { startJobQueue } from "../jobs/job-queue.ts";

export interface LoggedTestServer extends TestServer {
  /** Every line the server logged, as JSON text. */
  logs: string[];
}

export async function createLoggedTestServer(kind: DatabaseKind): Promise<LoggedTestServer> {
  const opened =
    kind === "pglite"
      ? { connection: await openPglite("memory://"), drop: async () => {} }
      : await (async () => {
          const created = await createPostgresDatabase();
          return { connection: await openPostgres(created.url), drop: created.drop };
        })();
  const { connection } = opened;
  await migrate(connection);
  const jobs = await startJobQueue(connection);
  const logs: string[] = [];
  const app = await buildApp({
    connection,
    jobs,
    logger: { level: "debug", stream: { write: (line: string) => void logs.push(line) } },
  });
  await app.ready();
  return {
    kind,
    app,
    connection,
    jobs,
    clock: null,
    logs,
    async organization(name = "Test organization") {
      const organization = await createOrganization(connection.database, name);
      const keyWith = async (...scopes: Scope[]) =>
        (await createApiKey(connection.database, organization.id, { name: "test", scopes })).key;
      return {
        id: organization.id,
        adminKey: await keyWith(...allScopes),
        keyWith,
        async user(role) {
          const email = `${role}-${randomBytes(4).toString("hex")}@example.com`;
          const password = "correct horse battery staple";
          await createUser(connection.database, organization.id, { email, role, password });
          return { email, password };
        },
      };
    },
    listen: () => app.listen({ port: 0, host: "127.0.0.1" }),
    request(key, options) {
      return app.inject({
        ...options,
        headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...options.headers },
      });
    },
    async close() {
      await app.close();
      await jobs.stop({ graceful: false });
      await connection.close();
      await opened.drop();
    },
  };
}
