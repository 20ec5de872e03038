export { buildApp } from "./app.ts";
export { ConfigError, readConfig, type ServerConfig } from "./config.ts";
export { type DatabaseConnection, openDatabase, openPglite, openPostgres } from "./database/connection.ts";
export { migrate } from "./database/migrate.ts";
export { type RunningServer, startServer } from "./server-process.ts";
