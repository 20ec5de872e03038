import { ensureConsoleBuilt } from "@parley/console";
import { ConfigError, readConfig, startServer } from "@parley/server";
import type { Command } from "commander";
import { CliError, exitCodes } from "../exit-codes.ts";
import type { CommandContext } from "../io.ts";

/** Longest wait for running requests after a stop signal before the process gives up on them. */
const shutdownGraceMilliseconds = 10_000;

export function registerServeCommand(program: Command, context: CommandContext): void {
  program
    .command("serve")
    .description("run the Parley server (PGlite in DATA_DIR, or PostgreSQL at DATABASE_URL)")
    .addHelpText(
      "after",
      `
Configuration comes from the environment: PORT (3000), HOST (0.0.0.0), DATA_DIR (./.parley),
DATABASE_URL, LOG_LEVEL (info), PARLEY_ADMIN_EMAIL, PARLEY_ADMIN_PASSWORD, PARLEY_ADMIN_API_KEY.
On the first start the demo organization is created; credentials not set are generated and
printed once. Logs are JSON lines on stdout. SIGINT or SIGTERM stop it gracefully.`,
    )
    .action(async () => {
      let config: ReturnType<typeof readConfig>;
      try {
        config = readConfig();
      } catch (error) {
        if (error instanceof ConfigError) throw new CliError(error.message);
        throw error;
      }
      await ensureConsoleBuilt({ onProgress: (message) => context.io.stderr(`${message}\n`) });
      const server = await startServer(config);
      if (server.bootstrap) {
        const { adminEmail, generatedPassword, generatedApiKey } = server.bootstrap;
        const lines = [
          "",
          "Parley created the demo organization. Keep these; they are not shown again:",
          `  admin email:    ${adminEmail}`,
          ...(generatedPassword ? [`  admin password: ${generatedPassword}`] : []),
          ...(generatedApiKey ? [`  admin API key:  ${generatedApiKey}`] : []),
          `  open ${server.address.replace("0.0.0.0", "localhost")}/console and sign in with the email and password above`,
          "  (the API reference is at /docs)",
          "",
        ];
        context.io.stderr(`${lines.join("\n")}\n`);
      }
      await new Promise<void>((resolve) => {
        const stop = async (signal: string) => {
          server.app.log.info({ signal }, "stopping");
          const forced = setTimeout(() => {
            server.app.log.error("requests did not finish in time; exiting");
            process.exit(exitCodes.failure);
          }, shutdownGraceMilliseconds);
          forced.unref();
          await server.stop();
          resolve();
        };
        process.once("SIGINT", () => void stop("SIGINT"));
        process.once("SIGTERM", () => void stop("SIGTERM"));
      });
    });
}
