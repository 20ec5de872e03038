/**
 * A server for tests: the real app on a fresh, migrated database. Every suite
 * runs on PGlite, and on PostgreSQL too when PARLEY_TEST_DATABASE_URL names a
 * server (each test server gets its own new database there, dropped at close).
 */
import { randomBytes } from "node:crypto";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { type PgBoss, TestClock } from "pg-boss";
import { createApiKey } from "../src/access/api-keys.ts";
import { createOrganization } from "../src/access/organizations.ts";
import type { SignInLimits } from "../src/access/sign-in-throttle.ts";
import { createUser } from "../src/access/users.ts";
import { buildApp } from "../src/app.ts";
import type { FileLimits } from "../src/channels/web-chat/file-storage.ts";
import { defaultWebChatLimits, type WebChatLimits } from "../src/channels/web-chat/rate-limits.ts";
import type { TrustedProxies } from "../src/config.ts";
import type { EffectPorts } from "../src/conversations/effect-ports.ts";
import { CredentialCipher } from "../src/credentials/credential-cipher.ts";
import { type DatabaseConnection, openPglite, openPostgres } from "../src/database/connection.ts";
import { migrate } from "../src/database/migrate.ts";
import { allScopes, type Role, type Scope } from "../src/http/scopes.ts";
import { startJobQueue } from "../src/jobs/job-queue.ts";
import type { OutgoingClientOptions } from "../src/outgoing/guarded-fetch.ts";

export type DatabaseKind = "pglite" | "postgres";

/**
 * Every test client comes from loopback, as if a whole office shared one address: the per-address
 * limits of starts and messages are raised unless a test sets them.
 */
export const testWebChatLimits: WebChatLimits = {
  ...defaultWebChatLimits,
  messagesPerMinutePerIp: 1_000_000,
  startsPerMinutePerIp: 1_000_000,
};

/**
 * What test servers may reach although it is not public, as an operator would allow it with
 * PARLEY_ALLOWED_OUTGOING_HOSTS: the webhook receivers and fake language models tests start on
 * loopback. Tests of the refusals pass their own `outgoing`.
 */
export const testOutgoing: OutgoingClientOptions = { allowedHosts: ["127.0.0.1", "localhost"] };

/** PARLEY_SECRET_KEY of test servers, for a server process a test starts on their database. */
export const testSecretKey = "test secret key, not for any real server";
/** The cipher of test servers, as if PARLEY_SECRET_KEY were set: every node of a test shares it. */
export const testCredentialCipher = new CredentialCipher(testSecretKey);

const postgresUrl = process.env.PARLEY_TEST_DATABASE_URL;
export const testDatabases: DatabaseKind[] = postgresUrl ? ["pglite", "postgres"] : ["pglite"];

/** A new, empty PostgreSQL database on the test server; `drop` removes it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!postgresUrl) throw new Error("PARLEY_TEST_DATABASE_URL is not set");
  const name = `parley_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: postgresUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

async function freshPostgres(): Promise<{
  connection: DatabaseConnection;
  url: string;
  drop: () => Promise<void>;
}> {
  const created = await createPostgresDatabase();
  return { connection: await openPostgres(created.url), url: created.url, drop: created.drop };
}

export interface TestOrganization {
  id: string;
  /** A key with every scope. */
  adminKey: string;
  /** A new key of this organization with only the given scopes. */
  keyWith(...scopes: Scope[]): Promise<string>;
  /** A user of this organization; returns the credentials, as POST /v1/session takes them. */
  user(role: Role): Promise<{ email: string; password: string; organizationId: string }>;
}

export interface TestServer {
  kind: DatabaseKind;
  /** The PostgreSQL database's address, for other processes on it; null on PGlite. */
  databaseUrl: string | null;
  app: FastifyInstance;
  connection: DatabaseConnection;
  jobs: PgBoss;
  /** Present with `{ manualClock: true }`: time (for turns and for pg-boss) moves only with `tick`. */
  clock: TestClock | null;
  organization(name?: string): Promise<TestOrganization>;
  /** Listens on a free loopback port (for sockets and real HTTP) and returns its base URL. */
  listen(): Promise<string>;
  /** `app.inject` with a Bearer key and a JSON body. */
  request(key: string | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Drive time by hand with pg-boss's TestClock, starting at `manualClockStart` (default: now). */
  manualClock?: boolean;
  manualClockStart?: number;
  /** Lower web chat rate limits, to test them. */
  webChatLimits?: WebChatLimits;
  /** The proxies whose forwarding headers are believed (PARLEY_TRUSTED_PROXIES); none by default. */
  trustedProxies?: TrustedProxies;
  /** Other upload quotas, to test them. */
  fileLimits?: FileLimits;
  /** Lower sign-in lockout thresholds, to test them. */
  signInLimits?: SignInLimits;
  /** Ports for effects that need I/O, standing in for the knowledge base and workflows. */
  effectPorts?: EffectPorts;
  /** Keeps every line the server logs, at debug level, here: to show nothing secret is ever written. */
  logs?: string[];
  /** Another secret key's cipher, or null for a server without one (default: testCredentialCipher). */
  credentialCipher?: CredentialCipher | null;
  /** How long a send to a messaging provider may take before it counts as failed (default 2 s). */
  channelSendTimeoutMilliseconds?: number;
  /** Where outgoing requests may go (default: testOutgoing, which allows loopback). */
  outgoing?: OutgoingClientOptions;
}

export async function createTestServer(
  kind: DatabaseKind,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const opened =
    kind === "pglite"
      ? { connection: await openPglite("memory://"), url: null, drop: async () => {} }
      : await freshPostgres();
  const { connection } = opened;
  await migrate(connection);
  const clock = options.manualClock ? new TestClock(options.manualClockStart ?? Date.now()) : null;
  const jobs = await startJobQueue(connection, { clock: clock ?? undefined });
  const app = await buildApp({
    connection,
    jobs,
    clock: clock ?? undefined,
    webChatLimits: options.webChatLimits ?? testWebChatLimits,
    trustedProxies: options.trustedProxies,
    fileLimits: options.fileLimits,
    signInLimits: options.signInLimits,
    effectPorts: options.effectPorts,
    channelSendTimeoutMilliseconds: options.channelSendTimeoutMilliseconds ?? 2_000,
    outgoing: options.outgoing ?? testOutgoing,
    credentialCipher:
      options.credentialCipher === undefined ? testCredentialCipher : (options.credentialCipher ?? undefined),
    ...(options.logs
      ? { logger: { level: "debug", stream: { write: (line: string) => void options.logs?.push(line) } } }
      : {}),
  });
  await app.ready();
  let counter = 0;
  return {
    kind,
    databaseUrl: opened.url,
    app,
    connection,
    jobs,
    clock,
    async organization(name = "Test organization") {
      const organization = await createOrganization(connection.database, name);
      const keyWith = async (...scopes: Scope[]) =>
        (await createApiKey(connection.database, organization.id, { name: "test", scopes })).key;
      return {
        id: organization.id,
        adminKey: await keyWith(...allScopes),
        keyWith,
        async user(role) {
          counter += 1;
          const email = `${role}${counter}-${randomBytes(3).toString("hex")}@example.com`;
          const password = "correct horse battery staple";
          await createUser(connection.database, organization.id, { email, role, password });
          return { email, password, organizationId: organization.id };
        },
      };
    },
    async listen() {
      return app.listen({ port: 0, host: "127.0.0.1" });
    },
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
