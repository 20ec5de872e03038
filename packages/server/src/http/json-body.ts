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
    if (nestingDepth(text) > deepestBody) {
      done(tooDeep(), undefined);
      return;
    }
    try {
      done(null, parse(text, undefined, { protoAction: "error", constructorAction: "error" }));
    } catch (error) {
      done(invalidJson(error), undefined);
    }
  });
}

/**
 * How deeply arrays and objects may nest in a body. Validation, the assistant model and JSON.stringify
 * all recurse, so a small body of 5,000 nested brackets overflowed the stack (500); an assistant's
 * deepest legitimate nesting (branches within branches) is far below this.
 */
export const deepestBody = 128;

const openBrace = 0x7b;
const openBracket = 0x5b;
const closeBrace = 0x7d;
const closeBracket = 0x5d;
const quote = 0x22;
const backslash = 0x5c;

/** The deepest nesting of a JSON text, read without recursion; strings are skipped. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === backslash) index += 1;
      else if (code === quote) inString = false;
    } else if (code === quote) inString = true;
    else if (code === openBrace || code === openBracket) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (code === closeBrace || code === closeBracket) depth -= 1;
  }
  return deepest;
}

function tooDeep(): ApiError {
  return new ApiError(
    400,
    "invalid_json",
    `The body nests arrays and objects deeper than ${deepestBody} levels.`,
    {
      problems: [
        {
          in: "body",
          path: "",
          code: "too_deep",
          message: `nests deeper than ${deepestBody}`,
          limit: deepestBody,
        },
      ],
    },
  );
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
