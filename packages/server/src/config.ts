import { isIP } from "node:net";
import { z } from "zod";
import { parseAllowedHost } from "./outgoing/address-policy.ts";

/**
 * A comma-separated list (from the environment) or a list (from code), each entry a host name,
 * an IP address or a CIDR range.
 */
const AllowedHosts = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    (typeof value === "string" ? value.split(",") : value).map((entry) => entry.trim()).filter(Boolean),
  )
  .superRefine((entries, context) => {
    for (const entry of entries) {
      if (parseAllowedHost(entry) === null) {
        context.addIssue({
          code: "custom",
          message: `${JSON.stringify(entry)} is not a host name, IP address or CIDR range (no scheme, port or path)`,
        });
      }
    }
  });

/** The address ranges proxy-addr (Fastify's trustProxy) knows by name. */
const namedProxyRanges = new Set(["loopback", "linklocal", "uniquelocal"]);

function isProxyAddress(entry: string): boolean {
  if (namedProxyRanges.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * Which proxies may say who the client is (X-Forwarded-For, X-Forwarded-Proto): a hop count, or
 * the proxies' addresses and ranges. Without it those headers are ignored, since anyone can send them.
 */
export const TrustedProxies = z
  // Parsed settings may be parsed again (startServer after readConfig): the parsed forms are accepted too.
  .union([z.string(), z.number(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value.join(",") : String(value)).trim())
  .transform((value, context): number | string[] => {
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops >= 1 && hops <= 10) return hops;
      context.addIssue({ code: "custom", message: "a hop count must be from 1 to 10" });
      return z.NEVER;
    }
    const entries = value.split(",").map((entry) => entry.trim());
    const wrong = entries.filter((entry) => !isProxyAddress(entry));
    if (wrong.length === 0) return entries;
    context.addIssue({
      code: "custom",
      message: `must be a hop count or addresses and CIDR ranges separated by commas (not ${wrong.map((entry) => JSON.stringify(entry)).join(", ")})`,
    });
    return z.NEVER;
  });
export type TrustedProxies = z.infer<typeof TrustedProxies>;

/** Server settings, read from the environment once at start. */
export const ServerConfig = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(3000),
  host: z.string().min(1).default("0.0.0.0"),
  /** Where the embedded PGlite database lives when no DATABASE_URL is given. */
  dataDirectory: z.string().min(1).default("./.parley"),
  /** A PostgreSQL connection string; when set, PGlite is not used. */
  databaseUrl: z.string().url().optional(),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  adminEmail: z.string().email().optional(),
  adminPassword: z.string().min(12, "must be at least 12 characters").optional(),
  adminApiKey: z.string().min(24, "must be at least 24 characters").optional(),
  /**
   * The address customers reach this server at (https://parley.example.com), for links in
   * messages such as articles of a knowledge base without a public URL of its own. Without it,
   * such links are relative to this server, which only the widget it serves can follow.
   */
  publicUrl: z
    .string()
    .url()
    .regex(/^https?:\/\//, "must start with http:// or https://")
    .transform((value) => value.replace(/\/+$/, ""))
    .optional(),
  /**
   * Encrypts the credentials stored for organizations (their language models' API keys). Without
   * it the embedded database generates one in its data directory; with PostgreSQL, keys cannot be
   * saved until it is set, the same on every server.
   */
  secretKey: z.string().min(32, "must be at least 32 characters").optional(),
  /** The reverse proxies in front of the server; none by default. */
  trustedProxies: TrustedProxies.optional(),
  /** Web chat requests per minute from one IP address to each route (429 above). */
  webChatRequestsPerMinutePerIp: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Customer messages per minute into one conversation (429 above). */
  webChatMessagesPerMinutePerConversation: z.coerce.number().int().min(1).max(100_000).default(60),
  /** Customer messages per minute from one IP address, into any conversations (429 above). */
  webChatMessagesPerMinutePerIp: z.coerce.number().int().min(1).max(1_000_000).default(120),
  /** Conversations started per minute from one IP address (429 above). */
  webChatStartsPerMinutePerIp: z.coerce.number().int().min(1).max(1_000_000).default(30),
  /** MiB of files customers may upload into one conversation (422 above). */
  webChatFileMibPerConversation: z.coerce.number().int().min(1).max(1_000_000).default(50),
  /** MiB of files all the conversations of one organization may hold together (422 above). */
  webChatFileMibPerOrganization: z.coerce.number().int().min(1).max(100_000_000).default(5120),
  /** Hours after which an uploaded file that no message of its conversation refers to is deleted. */
  webChatUnattachedFileHours: z.coerce.number().int().min(1).max(8760).default(24),
  /** Failed sign-ins to one email within 15 minutes before it is locked out, for longer each time. */
  signInFailuresPerAccount: z.coerce.number().int().min(1).max(1_000).default(5),
  /** Failed sign-ins from one client address within 15 minutes before it is locked out. */
  signInFailuresPerAddress: z.coerce.number().int().min(1).max(100_000).default(50),
  /**
   * Hosts that webhooks and language models may reach although they are not public: loopback,
   * private, link-local (metadata) and other special addresses are refused unless listed here.
   */
  allowedOutgoingHosts: AllowedHosts.default([]),
});
export type ServerConfig = z.infer<typeof ServerConfig>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

const variables = {
  port: "PORT",
  host: "HOST",
  dataDirectory: "DATA_DIR",
  databaseUrl: "DATABASE_URL",
  logLevel: "LOG_LEVEL",
  adminEmail: "PARLEY_ADMIN_EMAIL",
  adminPassword: "PARLEY_ADMIN_PASSWORD",
  adminApiKey: "PARLEY_ADMIN_API_KEY",
  publicUrl: "PARLEY_PUBLIC_URL",
  secretKey: "PARLEY_SECRET_KEY",
  trustedProxies: "PARLEY_TRUSTED_PROXIES",
  webChatRequestsPerMinutePerIp: "PARLEY_WEB_CHAT_REQUESTS_PER_MINUTE",
  webChatMessagesPerMinutePerConversation: "PARLEY_WEB_CHAT_MESSAGES_PER_MINUTE",
  webChatMessagesPerMinutePerIp: "PARLEY_WEB_CHAT_MESSAGES_PER_MINUTE_PER_IP",
  webChatStartsPerMinutePerIp: "PARLEY_WEB_CHAT_STARTS_PER_MINUTE",
  webChatFileMibPerConversation: "PARLEY_WEB_CHAT_FILE_MIB_PER_CONVERSATION",
  webChatFileMibPerOrganization: "PARLEY_WEB_CHAT_FILE_MIB_PER_ORGANIZATION",
  webChatUnattachedFileHours: "PARLEY_WEB_CHAT_UNATTACHED_FILE_HOURS",
  signInFailuresPerAccount: "PARLEY_SIGN_IN_FAILURES_PER_ACCOUNT",
  signInFailuresPerAddress: "PARLEY_SIGN_IN_FAILURES_PER_ADDRESS",
  allowedOutgoingHosts: "PARLEY_ALLOWED_OUTGOING_HOSTS",
} as const satisfies Record<keyof ServerConfig, string>;

/** Reads the settings; a bad value stops the start with the variable's name, never a silent default. */
export function readConfig(environment: NodeJS.ProcessEnv = process.env): ServerConfig {
  const input: Record<string, string> = {};
  for (const [key, variable] of Object.entries(variables)) {
    const value = environment[variable];
    if (value !== undefined && value !== "") input[key] = value;
  }
  const result = ServerConfig.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const key = String(issue.path[0]) as keyof typeof variables;
    return `${variables[key] ?? key}: ${issue.message}`;
  });
  throw new ConfigError(`invalid configuration:\n  ${lines.join("\n  ")}`);
}
