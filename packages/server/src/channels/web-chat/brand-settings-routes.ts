import { and, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { importSPKI } from "jose";
import { z } from "zod";
import { isUuid } from "../../data/identifiers.ts";
import { IdParameters } from "../../data/route-schemas.ts";
import type { Database } from "../../database/connection.ts";
import { brands } from "../../database/schema/index.ts";
import { callerOf } from "../../http/authentication.ts";
import { ApiError, ErrorBody, notFound } from "../../http/errors.ts";
import { scopes } from "../../http/scopes.ts";

const ChatSettings = z.strictObject({
  consentText: z.string().max(500, "must be at most 500 characters").optional(),
  accentColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, "must be a hex colour such as #4f46e5")
    .optional(),
  position: z.enum(["right", "left"]).optional(),
});

const WebChatSettingsBody = z
  .strictObject({
    settings: ChatSettings.optional(),
    /** HS256: at least 32 characters, as RFC 7518 asks of a key for SHA-256. null removes it. */
    jwtSecret: z.string().min(32, "must be at least 32 characters").max(512).nullable().optional(),
    /** RS256: the PEM public key (SPKI) matching the site's private key. null removes it. */
    jwtPublicKey: z.string().max(8192).nullable().optional(),
  })
  .meta({ id: "WebChatSettingsRequest" });

const WebChatSettings = z
  .object({
    settings: ChatSettings,
    /** The secret itself is never shown again. */
    hasJwtSecret: z.boolean(),
    jwtPublicKey: z.string().nullable(),
  })
  .meta({ id: "WebChatSettings" });

const tags = ["brands"];

async function brandRow(database: Database, organizationId: string, id: string) {
  if (!isUuid(id)) throw notFound("Brand", id);
  const [row] = await database
    .select()
    .from(brands)
    .where(and(eq(brands.id, id), eq(brands.organizationId, organizationId)));
  if (!row) throw notFound("Brand", id);
  return row;
}

function viewOf(row: typeof brands.$inferSelect): z.infer<typeof WebChatSettings> {
  return {
    settings: row.chatSettings,
    hasJwtSecret: row.chatJwtSecret !== null,
    jwtPublicKey: row.chatJwtPublicKey,
  };
}

/** A brand's web chat: what the widget shows, and the keys that verify customer JWTs. */
export const brandWebChatRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (
  app,
  { database },
) => {
  app.get(
    "/v1/brands/:id/web-chat",
    {
      config: { scope: scopes.read },
      schema: {
        tags,
        summary: "A brand's web chat settings",
        params: IdParameters,
        response: { 200: WebChatSettings, 404: ErrorBody },
      },
    },
    async (request) => viewOf(await brandRow(database, callerOf(request).organizationId, request.params.id)),
  );

  app.patch(
    "/v1/brands/:id/web-chat",
    {
      config: { scope: scopes.organizationWrite },
      schema: {
        tags,
        summary: "Change a brand's web chat settings and customer JWT keys",
        params: IdParameters,
        body: WebChatSettingsBody,
        response: { 200: WebChatSettings, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const { organizationId } = callerOf(request);
      const row = await brandRow(database, organizationId, request.params.id);
      const { settings, jwtSecret, jwtPublicKey } = request.body;
      if (jwtPublicKey) {
        try {
          await importSPKI(jwtPublicKey, "RS256");
        } catch {
          throw new ApiError(400, "invalid_request", "The public key is not a PEM RSA public key.", {
            problems: [
              {
                in: "body",
                path: "/jwtPublicKey",
                code: "invalid_key",
                message: "must be a PEM RSA public key (SPKI)",
              },
            ],
          });
        }
      }
      const [updated] = await database
        .update(brands)
        .set({
          ...(settings !== undefined ? { chatSettings: settings } : {}),
          ...(jwtSecret !== undefined ? { chatJwtSecret: jwtSecret } : {}),
          ...(jwtPublicKey !== undefined ? { chatJwtPublicKey: jwtPublicKey } : {}),
          updatedAt: new Date(),
        })
        .where(eq(brands.id, row.id))
        .returning();
      return viewOf(updated ?? row);
    },
  );
};
