import type { FastifyInstance } from "fastify";
import type { z } from "zod";
import { sealPlainApiKeys } from "./answers/ai-settings-store.ts";
import { buildApp } from "./app.ts";
import { type BootstrapReport, bootstrapFirstStart } from "./bootstrap/first-start.ts";
import { defaultFileLimits } from "./channels/web-chat/file-storage.ts";
import { ServerConfig } from "./config.ts";
import { CredentialCipher } from "./credentials/credential-cipher.ts";
import { loadSecretKey } from "./credentials/secret-key.ts";
import { openDatabase } from "./database/connection.ts";
import { migrate } from "./database/migrate.ts";
import { warmIntentDetection } from "./intents/detector-cache.ts";
import { startJobQueue } from "./jobs/job-queue.ts";

export interface RunningServer {
  app: FastifyInstance;
  address: string;
  bootstrap: BootstrapReport | null;
  /** Stops taking requests, lets running ones finish, then closes the database. */
  stop(): Promise<void>;
}

/** Opens the database, migrates it, creates the demo organization on first start, and listens. */
export async function startServer(settings: z.input<typeof ServerConfig>): Promise<RunningServer> {
  // Settings left out take the same defaults as the environment's.
  const config = ServerConfig.parse(settings);
  const connection = await openDatabase(config);
  let ready = false;
  let jobs: Awaited<ReturnType<typeof startJobQueue>> | null = null;
  try {
    const applied = await migrate(connection);
    const secret = await loadSecretKey(config);
    const credentialCipher = secret ? new CredentialCipher(secret.secretKey) : undefined;
    const sealed = credentialCipher ? await sealPlainApiKeys(connection.database, credentialCipher) : 0;
    jobs = await startJobQueue(connection);
    // In a thread, while the server starts: the first conversation that detects intents need not wait.
    warmIntentDetection();
    const app = await buildApp({
      connection,
      jobs,
      webChatLimits: {
        requestsPerMinutePerIp: config.webChatRequestsPerMinutePerIp,
        messagesPerMinutePerConversation: config.webChatMessagesPerMinutePerConversation,
        messagesPerMinutePerIp: config.webChatMessagesPerMinutePerIp,
        startsPerMinutePerIp: config.webChatStartsPerMinutePerIp,
      },
      trustedProxies: config.trustedProxies,
      fileLimits: {
        ...defaultFileLimits,
        bytesPerConversation: config.webChatFileMibPerConversation * 1024 * 1024,
        bytesPerOrganization: config.webChatFileMibPerOrganization * 1024 * 1024,
        unattachedHours: config.webChatUnattachedFileHours,
      },
      signInLimits: {
        failuresPerAccount: config.signInFailuresPerAccount,
        failuresPerAddress: config.signInFailuresPerAddress,
      },
      logger: { level: config.logLevel },
      publicUrl: config.publicUrl,
      credentialCipher,
      outgoing: { allowedHosts: config.allowedOutgoingHosts },
      isReady: () => ready,
    });
    if (applied.length > 0) app.log.info({ migrations: applied }, "database migrated");
    if (secret) app.log.info({ secretKeyFrom: secret.origin }, "stored credentials are encrypted");
    else
      app.log.warn("PARLEY_SECRET_KEY is not set: organizations cannot store API keys for language models");
    if (sealed > 0) app.log.info({ apiKeys: sealed }, "encrypted API keys stored before encryption");
    const bootstrap = await bootstrapFirstStart(connection.database, config);
    const address = await app.listen({ port: config.port, host: config.host });
    ready = true;
    app.log.info({ address, database: connection.kind }, "Parley is listening");
    return {
      app,
      address,
      bootstrap,
      async stop() {
        ready = false;
        // Sockets and requests first, then the workers (letting a running turn finish), then the database.
        await app.close();
        await jobs?.stop({ graceful: true, timeout: 10_000 });
        await connection.close();
      },
    };
  } catch (error) {
    await jobs?.stop({ graceful: false });
    await connection.close();
    throw error;
  }
}
