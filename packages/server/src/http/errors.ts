import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { z } from "zod";
import { ConversationEnded } from "../conversations/conversation-errors.ts";

/** One thing wrong with a request: where (`in` and a JSON pointer), which rule, and the limit if any. */
export const ProblemDetail = z.object({
  in: z.enum(["body", "query", "params", "headers"]).optional(),
  path: z.string(),
  code: z.string(),
  message: z.string(),
  limit: z.union([z.number(), z.string()]).optional(),
  severity: z.enum(["error", "warning"]).optional(),
});
export type ProblemDetail = z.infer<typeof ProblemDetail>;

/** Every error the API returns has this shape. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    problems: z.array(ProblemDetail).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** An error meant for the caller: it carries its HTTP status and a stable code. */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly problems: ProblemDetail[] | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    statusCode: number,
    code: string,
    message: string,
    options: { problems?: ProblemDetail[]; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
    this.problems = options.problems;
    this.extra = options.extra;
  }
}

/** Another organization's record gets the same answer as a missing one, so ids reveal nothing. */
export function notFound(what: string, id: string): ApiError {
  return new ApiError(404, "not_found", `${what} ${id} does not exist.`);
}

export function limitReached(what: string, limit: number): ApiError {
  return new ApiError(422, "limit_reached", `An organization can have at most ${limit} ${what}.`, {
    problems: [{ path: "", code: "limit_reached", message: `at most ${limit} ${what}`, limit }],
  });
}

/** A key as one segment of a JSON pointer (RFC 6901). */
export function escapePointer(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

function validationProblems(error: FastifyError & { validationContext?: string }): ProblemDetail[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  // Fastify names the query string "querystring"; problems say "query", as everywhere else.
  const context = error.validationContext ?? "body";
  const where = (context === "querystring" ? "query" : context) as ProblemDetail["in"];
  return error.validation.flatMap((issue) => {
    const params = issue.params as { maximum?: number; minimum?: number; keys?: string[] };
    const limit = params.maximum ?? params.minimum;
    // The provider writes the whole body as "/", which as a JSON pointer is the key "" (RFC 6901): the whole body is "".
    const path =
      issue.instancePath === "/"
        ? ""
        : issue.instancePath
            .split("/")
            .slice(1)
            .map(escapePointer)
            .map((segment) => `/${segment}`)
            .join("");
    // Zod reports unknown keys on their object; each is a field of its own to the caller (a typo to fix).
    if (issue.keyword === "unrecognized_keys" && params.keys) {
      return params.keys.map((key) => ({
        in: where,
        path: `${path}/${escapePointer(key)}`,
        code: "unrecognized_key",
        message: "is not a field here",
      }));
    }
    return [
      {
        in: where,
        path,
        code: issue.keyword,
        message: issue.message ?? "is invalid",
        ...(limit !== undefined ? { limit } : {}),
      },
    ];
  });
}

/** What Fastify's client errors mean to a caller, in Parley's codes. */
const fastifyClientErrors = new Map<string, { code: string; message: string }>(
  Object.entries({
    FST_ERR_CTP_INVALID_MEDIA_TYPE: {
      code: "unsupported_media_type",
      message: "Send the body as application/json.",
    },
    FST_ERR_CTP_INVALID_JSON_BODY: { code: "invalid_json", message: "The body is not valid JSON." },
    FST_ERR_CTP_EMPTY_JSON_BODY: { code: "invalid_request", message: "The body is empty; send a JSON body." },
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
      code: "invalid_content_length",
      message: "The body's size does not match its Content-Length header.",
    },
    FST_ERR_BAD_URL: { code: "invalid_url", message: "The URL has an invalid percent-encoded character." },
    FST_ERR_MAX_PARAM_LENGTH: { code: "uri_too_long", message: "A part of the URL's path is too long." },
    FST_ERR_ROUTE_MISSING_CONTENT_TYPE: {
      code: "unsupported_media_type",
      message: "Send a Content-Type header.",
    },
    FST_ERR_NOT_FOUND: { code: "not_found", message: "No such route." },
  }),
);

/**
 * Turns anything thrown while handling a request into the error body. The
 * caller's mistakes get 4xx with what to fix; anything else is logged and
 * answered with 500 without internals.
 */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof ApiError) {
    const body: ErrorBody & Record<string, unknown> = {
      error: {
        code: error.code,
        message: error.message,
        ...(error.problems ? { problems: error.problems } : {}),
      },
      ...error.extra,
    };
    return reply.status(error.statusCode).send(body);
  }
  if (error instanceof ConversationEnded) {
    return reply.status(409).send({ error: { code: "conversation_ended", message: error.message } });
  }
  const problems = validationProblems(error);
  if (problems.length > 0) {
    return reply.status(400).send({
      error: {
        code: "invalid_request",
        message: `The request has ${problems.length} invalid field(s).`,
        problems,
      },
    });
  }
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    const limit = request.routeOptions.bodyLimit ?? 0;
    return reply.status(413).send({
      error: {
        code: "body_too_large",
        message: `The request body is larger than the limit of ${limit} bytes.`,
        problems: [{ in: "body", path: "", code: "too_big", message: "body too large", limit }],
      },
    });
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    // Fastify's own client errors (and its plugins'): the caller sees Parley's codes, never FST_*.
    const known = fastifyClientErrors.get(error.code);
    return reply
      .status(error.statusCode)
      .send({ error: known ?? { code: "bad_request", message: error.message } });
  }
  request.log.error({ err: error }, "request failed");
  return reply
    .status(500)
    .send({ error: { code: "internal_error", message: "Something went wrong on our side." } });
}
