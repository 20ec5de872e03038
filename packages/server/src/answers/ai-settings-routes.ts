import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { CredentialCipher } from "../credentials/credential-cipher.ts";
import type { Database } from "../database/connection.ts";
import { callerOf } from "../http/authentication.ts";
import { ErrorBody } from "../http/errors.ts";
import { scopes } from "../http/scopes.ts";
import type { OutgoingClient } from "../outgoing/guarded-fetch.ts";
import { AiSettings, AiSettingsInput } from "./ai-settings-schemas.ts";
import { findAiSettingsRow, saveAiSettings, toAiSettings } from "./ai-settings-store.ts";
import type { OrganizationAnswerers } from "./organization-answerers.ts";

const tags = ["ai"];

export interface AiRouteOptions {
  database: Database;
  /** Encrypts the keys stored; null when the server has no secret key, which then takes none. */
  cipher: CredentialCipher | null;
  /** The process's answer providers, told when settings change. */
  answerers: OrganizationAnswerers;
  /** The client answers reach the endpoint through, which judges the base URL. */
  outgoing: OutgoingClient;
}

/**
 * Organization set-up, reading included (as for webhooks): the settings name the endpoint the
 * organization pays for, and a base URL may carry a token of its own.
 */
const scope = scopes.organizationWrite;

/** Which provider writes the organization's AI answers (spec 07), with its endpoint and key. */
export const aiSettingsRoutes: FastifyPluginAsyncZod<AiRouteOptions> = async (
  app,
  { database, cipher, answerers, outgoing },
) => {
  app.get(
    "/v1/ai/settings",
    {
      config: { scope },
      schema: {
        tags,
        summary:
          "The organization's AI settings: the provider of AI answers (extractive until changed), and whether an API key is set, never the key",
        response: { 200: AiSettings },
      },
    },
    async (request) =>
      toAiSettings(await findAiSettingsRow(database, callerOf(request).organizationId), cipher),
  );

  app.put(
    "/v1/ai/settings",
    {
      config: { scope },
      schema: {
        tags,
        summary:
          "Replace the AI settings. `apiKey` left out keeps the stored key (for the same endpoint), null removes it; it is never returned. Conversations use the change within a second",
        body: AiSettingsInput,
        response: { 200: AiSettings, 422: ErrorBody },
      },
    },
    async (request) => {
      const { organizationId } = callerOf(request);
      const { baseUrl } = request.body;
      const refusal = baseUrl ? await outgoing.refusalOf(baseUrl) : null;
      const settings = await database.transaction((transaction) =>
        saveAiSettings(transaction, cipher, organizationId, request.body, refusal),
      );
      answerers.forget(organizationId);
      return settings;
    },
  );
};
