import type { FastifyInstance } from "fastify";
import { parse } from "secure-json-parse";
import { ApiError } from "./errors.ts";

/**
 * Parses JSON bodies in place of Fastify's own parser, for two reasons. An empty body is no body:
 * action routes that take none (publish, close, train…) accept `content-type: application/json`
 * with nothing after it, as many HTTP clients send, and routes that need a body refuse it through
 * their schema, with Parley's error body. And malformed JSON, or a `__proto__` or
 * `constructor.prototype` key (prototype poisoning), is answered with Parley's codes.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => {
    const text = body as string;
    if (text.trim().length === 0) {
      done(null, undefined);
      return;
    }
    try {
      done(null, parse(text, undefined, { protoAction: "error", constructorAction: "error" }));
    } catch (error) {
      done(invalidJson(error), undefined);
    }
  });
}

function invalidJson(error: unknown): ApiError {
  const poisoned = error instanceof SyntaxError && /forbidden prototype property/.test(error.message);
  const message = poisoned
    ? "The body has a __proto__ or constructor.prototype key, which Parley refuses."
    : `The body is not valid JSON: ${error instanceof Error ? error.message : "cannot be parsed"}.`;
  return new ApiError(400, "invalid_json", message, {
    problems: [
      {
        in: "body",
        path: "",
        code: poisoned ? "forbidden_key" : "invalid_json",
        message: poisoned ? "has a forbidden key" : "is not valid JSON",
      },
    ],
  });
}
