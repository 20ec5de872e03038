import { eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../../database/connection.ts";
import { conversationFiles } from "../../database/schema/index.ts";
import { ApiError, ErrorBody, notFound } from "../../http/errors.ts";
import { type FileLimits, storedFilesPath, storeFile } from "./file-storage.ts";
import {
  attachableMediaTypes,
  contentMatches,
  maximumFileBytes,
  shownInline,
  withoutBidirectionalControls,
} from "./file-types.ts";
import { conversationForVisitor } from "./public-conversation.ts";
import { ConversationParams } from "./web-chat-schemas.ts";

const tags = ["Web chat"];

const StoredFile = z
  .object({
    id: z.string(),
    url: z.string(),
    mediaType: z.string(),
    name: z.string(),
    size: z.number().int(),
  })
  .meta({ id: "WebChatFile" });

function fileName(header: unknown): string {
  if (typeof header !== "string" || header.length === 0) return "attachment";
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    name = header;
  }
  // Only the last path segment, no control characters: the name ends up in a Content-Disposition
  // header, and before agents, who must see the name it really has.
  const cleaned = withoutBidirectionalControls(
    name
      .split(/[\\/]/)
      .at(-1)
      ?.replace(/[\p{Cc}"]/gu, "") ?? "",
  ).trim();
  return cleaned.slice(0, 255) || "attachment";
}

/**
 * Files a customer attaches: uploaded here, then sent as an attachment message with
 * the returned URL. The file's id is a random capability, so the link works for the
 * customer, for agents and for a help desk that receives it in a webhook.
 */
export const webChatFileRoutes: FastifyPluginAsyncZod<{
  database: Database;
  requestsPerMinutePerIp: number;
  limits: FileLimits;
  /** The conversations' clock: the cleanup job measures a file's age by it. */
  now: () => number;
}> = async (app, { database, requestsPerMinutePerIp, limits, now }) => {
  app.addContentTypeParser(
    [...attachableMediaTypes],
    { parseAs: "buffer", bodyLimit: maximumFileBytes },
    (_request, body, done) => done(null, body),
  );

  app.post(
    "/v1/web-chat/conversations/:id/files",
    {
      bodyLimit: maximumFileBytes,
      config: { scope: "public", rateLimit: { max: requestsPerMinutePerIp, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: `Upload a file to attach (${attachableMediaTypes.join(", ")}; at most 10 MiB; name in x-file-name)`,
        params: ConversationParams,
        response: {
          201: StoredFile,
          400: ErrorBody,
          404: ErrorBody,
          413: ErrorBody,
          415: ErrorBody,
          422: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      const token = request.headers["x-parley-visitor-token"];
      const row = await conversationForVisitor(
        database,
        request.params.id,
        typeof token === "string" ? token : undefined,
      );
      const mediaType = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
      const content = request.body as Buffer;
      if (!Buffer.isBuffer(content) || content.length === 0) {
        throw new ApiError(400, "invalid_request", "The file is empty.", {
          problems: [{ in: "body", path: "", code: "empty_file", message: "must not be empty" }],
        });
      }
      if (!contentMatches(mediaType, content)) {
        throw new ApiError(415, "content_mismatch", `The file is not a valid ${mediaType} file.`, {
          problems: [
            {
              in: "headers",
              path: "/content-type",
              code: "content_mismatch",
              message: `content is not ${mediaType}`,
            },
          ],
        });
      }
      const name = fileName(request.headers["x-file-name"]);
      const id = await storeFile(
        database,
        {
          organizationId: row.organizationId,
          conversationId: row.id,
          name,
          mediaType,
          content,
          createdAt: new Date(now()),
        },
        limits,
      );
      return reply
        .status(201)
        .send({ id, url: `${storedFilesPath}${id}`, mediaType, name, size: content.length });
    },
  );

  app.get(
    "/v1/web-chat/files/:fileId",
    {
      config: { scope: "public", rateLimit: { max: requestsPerMinutePerIp, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: "Download an attached file",
        params: z.object({ fileId: z.string().max(64) }),
      },
    },
    async (request, reply) => {
      const [file] = await database
        .select()
        .from(conversationFiles)
        .where(eq(conversationFiles.id, request.params.fileId));
      if (!file) throw notFound("File", request.params.fileId);
      const disposition = shownInline(file.mediaType) ? "inline" : "attachment";
      return reply
        .header("content-type", file.mediaType)
        .header("content-disposition", `${disposition}; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'; img-src 'self'; sandbox")
        .header("cache-control", "private, max-age=86400, immutable")
        .send(file.content);
    },
  );
};
