import cookie from "@fastify/cookie";
import websocket from "@fastify/websocket";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Clock, PgBoss } from "pg-boss";
import { accessRoutes } from "./access/routes.ts";
import type { SignInLimits } from "./access/sign-in-throttle.ts";
import { agentRoutes } from "./agents/routes.ts";
import { aiRoutes } from "./answers/ai-routes.ts";
import { OrganizationAnswerers } from "./answers/organization-answerers.ts";
import { assistantRoutes } from "./assistants/routes.ts";
import { connectionRoutes } from "./channels/connections/connection-routes.ts";
import { deliveryRoutes } from "./channels/messaging/delivery-routes.ts";
import { registerDeliveryWorker } from "./channels/messaging/delivery-worker.ts";
import { messagingWebhookRoutes } from "./channels/messaging/webhook-routes.ts";
import { brandWebChatRoutes } from "./channels/web-chat/brand-settings-routes.ts";
import { startFileCleanup } from "./channels/web-chat/file-cleanup.ts";
import { defaultFileLimits, type FileLimits } from "./channels/web-chat/file-storage.ts";
import { previewRoutes } from "./channels/web-chat/preview-routes.ts";
import type { WebChatLimits } from "./channels/web-chat/rate-limits.ts";
import { webChatRoutes } from "./channels/web-chat/routes.ts";
import { widgetRoutes } from "./channels/web-chat/widget-routes.ts";
import type { TrustedProxies } from "./config.ts";
import { registerConsoleRoutes } from "./console/console-routes.ts";
import { startConversationServices } from "./conversations/conversation-services.ts";
import type { EffectPorts } from "./conversations/effect-ports.ts";
import type { CredentialCipher } from "./credentials/credential-cipher.ts";
import { dataRoutes } from "./data/routes.ts";
import type { DatabaseConnection } from "./database/connection.ts";
import { registerAuthentication } from "./http/authentication.ts";
import { handleError } from "./http/errors.ts";
import { registerInvalidCharacterCheck } from "./http/invalid-characters.ts";
import { registerJsonBodyParser } from "./http/json-body.ts";
import { registerOpenApi } from "./http/openapi.ts";
import { registerSecurityHeaders } from "./http/security-headers.ts";
import { intentRoutes } from "./intents/routes.ts";
import { registerIntentTrainingWorker } from "./intents/training-job.ts";
import { queueNames } from "./jobs/job-queue.ts";
import { knowledgeRoutes } from "./knowledge/routes.ts";
import { createOutgoingClient, type OutgoingClientOptions } from "./outgoing/guarded-fetch.ts";
import { rulesRoutes } from "./rules/routes.ts";
import { queueWebhookEvents } from "./webhooks/queue-events.ts";
import { webhookRoutes } from "./webhooks/routes.ts";
import { registerWebhookWorker } from "./webhooks/worker.ts";

/** The default body limit; routes that take assistant definitions say so themselves. */
export const defaultBodyLimit = 256 * 1024;

export interface AppOptions {
  connection: DatabaseConnection;
  /** The started job queue (jobs/job-queue.ts): timers, effects and webhook deliveries. */
  jobs: PgBoss;
  /** The time for conversations; tests pass pg-boss's TestClock so timers and turns agree. */
  clock?: Clock | undefined;
  logger?: FastifyServerOptions["logger"];
  /**
   * The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (config.ts).
   * Without them, the client is the socket's peer and the protocol the server's own.
   */
  trustedProxies?: TrustedProxies | undefined;
  /** Rate limits of the public web chat routes; the load benchmark raises them. */
  webChatLimits?: WebChatLimits | undefined;
  /** Customers' upload quotas and how long files no message refers to are kept (config.ts). */
  fileLimits?: FileLimits | undefined;
  /** Failed sign-ins allowed before lockouts (access/sign-in-throttle.ts). */
  signInLimits?: SignInLimits | undefined;
  /** Where effects that need I/O are carried out; tests replace them. */
  effectPorts?: EffectPorts | undefined;
  /** The address customers reach this server at (config.ts), for links to its help pages. */
  publicUrl?: string | undefined;
  /** How long one request to a messaging provider may take (delivery-worker.ts); tests shorten it. */
  channelSendTimeoutMilliseconds?: number | undefined;
  /**
   * Encrypts the credentials organizations store (credentials/secret-key.ts); without it the
   * server takes none.
   */
  credentialCipher?: CredentialCipher | undefined;
  /**
   * Where requests made for organizations (webhooks, language models) may go: public addresses,
   * and the hosts the operator allows (config.ts allowedOutgoingHosts). Tests allow loopback.
   */
  outgoing?: OutgoingClientOptions | undefined;
  /** Whether /readyz answers ready; the process flips it off while shutting down. */
  isReady?: () => boolean;
}

/** Fastify's trustProxy for the setting: a hop count trusts that many hops nearest the server. */
function trustProxyOption(trusted: TrustedProxies | undefined): FastifyServerOptions["trustProxy"] {
  if (trusted === undefined) return false;
  if (typeof trusted === "number") return (_address, hop) => hop < trusted;
  return trusted;
}

/** Where the server listens, once it does: the fallback for addresses providers call back. */
function listeningAddress(app: FastifyInstance): string | undefined {
  const address = app.server.address();
  if (address === null || typeof address === "string") return undefined;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** Builds the HTTP application on an open, migrated database. Listening is the caller's business. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: defaultBodyLimit,
    // Only a trusted proxy says who the client is (rate limits and logs key on it) and whether the
    // connection was HTTPS (session cookies are Secure then); anyone else could claim anything.
    trustProxy: trustProxyOption(options.trustedProxies),
    // A malformed percent-encoding or an overlong path segment, found before any route: Parley's body too.
    frameworkErrors: handleError,
    // The longest path parameter, an external id of 256 characters, percent-encoded at 9 characters
    // each (3 UTF-8 bytes); Fastify's default of 100 made long external ids unreachable.
    routerOptions: { maxParamLength: 256 * 9 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ error: { code: "not_found", message: `No route ${request.method} ${request.url}.` } }),
  );
  registerJsonBodyParser(app);
  registerInvalidCharacterCheck(app);
  await app.register(cookie);
  // Before any route, so every route gets its headers.
  await registerSecurityHeaders(app);
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await registerOpenApi(app);
  registerAuthentication(app, options.connection.database);

  const { database } = options.connection;
  const outgoing = createOutgoingClient(options.outgoing);
  app.addHook("onClose", () => outgoing.close());
  app.get("/healthz", { config: { scope: "public" }, schema: { hide: true } }, async () => ({
    status: "ok",
  }));
  app.get("/readyz", { config: { scope: "public" }, schema: { hide: true } }, async (_request, reply) => {
    if (options.isReady && !options.isReady()) return reply.status(503).send({ status: "shutting down" });
    await options.connection.database.execute("select 1");
    return { status: "ready", database: options.connection.kind };
  });

  await app.register(accessRoutes, { database, clock: options.clock, signInLimits: options.signInLimits });
  await app.register(dataRoutes, { database });
  await app.register(assistantRoutes, { database });
  await app.register(rulesRoutes, { database });
  await app.register(webhookRoutes, { database, jobs: options.jobs, outgoing });
  const webhookWorker = await registerWebhookWorker(options.jobs, database, { fetch: outgoing.fetch });
  app.addHook("onClose", () => options.jobs.offWork(queueNames.webhookDelivery, { id: webhookWorker }));
  await app.register(intentRoutes, { database, jobs: options.jobs });
  const intentTrainingWorker = await registerIntentTrainingWorker(options.jobs, database);
  app.addHook("onClose", () => intentTrainingWorker.stop());
  await app.register(knowledgeRoutes, { database });
  const cipher = options.credentialCipher ?? null;
  const answerers = new OrganizationAnswerers(database, cipher, outgoing.fetch);
  await app.register(aiRoutes, { database, cipher, answerers, outgoing });

  const conversationServices = await startConversationServices({
    connection: options.connection,
    jobs: options.jobs,
    clock: options.clock,
    publish: queueWebhookEvents,
    ports: options.effectPorts,
    serverUrl: options.publicUrl,
    answerers,
    log: app.log,
  });
  app.addHook("onClose", () => conversationServices.close());
  const fileLimits = options.fileLimits ?? defaultFileLimits;
  await app.register(webChatRoutes, {
    database,
    runner: conversationServices.runner,
    feed: conversationServices.feed,
    limits: options.webChatLimits,
    fileLimits,
  });
  const fileCleanup = await startFileCleanup(options.jobs, database, {
    unattachedHours: fileLimits.unattachedHours,
    now: () => conversationServices.runner.now(),
  });
  app.addHook("onClose", () => fileCleanup.stop());
  await app.register(agentRoutes, {
    database,
    runner: conversationServices.runner,
    feed: conversationServices.feed,
    publicUrl: options.publicUrl,
  });
  await app.register(connectionRoutes, { database, cipher, outgoing, publicUrl: options.publicUrl });
  await app.register(messagingWebhookRoutes, {
    database,
    runner: conversationServices.runner,
    cipher,
    publicUrl: options.publicUrl,
  });
  await app.register(deliveryRoutes, { database });
  const deliveryWorker = await registerDeliveryWorker(options.jobs, {
    database,
    cipher,
    fetch: outgoing.fetch,
    publicUrl: () => options.publicUrl ?? listeningAddress(app),
    timeoutMilliseconds: options.channelSendTimeoutMilliseconds,
    now: () => conversationServices.runner.now(),
  });
  app.addHook("onClose", () =>
    options.jobs.offWork(queueNames.channelSend, { id: deliveryWorker, wait: true }),
  );
  await app.register(brandWebChatRoutes, { database });
  await app.register(previewRoutes, { database, runner: conversationServices.runner });
  await app.register(widgetRoutes, { database });
  await registerConsoleRoutes(app);
  return app;
}
