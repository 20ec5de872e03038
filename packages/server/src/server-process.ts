import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.ts";
import { type BootstrapReport, bootstrapFirstStart } from "./bootstrap/first-start.ts";
import type { ServerConfig } from "./config.ts";
import { openDatabase } from "./database/connection.ts";
import { migrate } from "./database/migrate.ts";

export interface RunningServer {
  app: FastifyInstance;
  address: string;
  bootstrap: BootstrapReport | null;
  /** Stops taking requests, lets running ones finish, then closes the database. */
  stop(): Promise<void>;
}

/** Opens the database, migrates it, creates the demo organization on first start, and listens. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const connection = await openDatabase(config);
  let ready = false;
  try {
    const app = await buildApp({
      connection,
      logger: { level: config.logLevel },
      isReady: () => ready,
    });
    const applied = await migrate(connection);
    if (applied.length > 0) app.log.info({ migrations: applied }, "database migrated");
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
        await app.close();
        await connection.close();
      },
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
