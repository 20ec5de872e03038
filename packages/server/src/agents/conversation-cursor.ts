import { isUuid } from "../data/identifiers.ts";
import { ApiError } from "../http/errors.ts";

/**
 * The two orders of the conversation list. The queue is first come, first served
 * (oldest transfer first); everything else shows the newest conversations first.
 */
export type ConversationOrder = "queue" | "recent";

export interface ConversationCursor {
  order: ConversationOrder;
  /** The sort timestamp of the last row seen, with microseconds. */
  at: string;
  id: string;
}

/**
 * The list's own cursor rather than data/pagination.ts's: that one only walks
 * newest first, and the queue walks oldest first. The order is inside, so a cursor
 * of one order cannot silently skip rows in the other.
 */
export function encodeConversationCursor(cursor: ConversationCursor): string {
  return Buffer.from(JSON.stringify([cursor.order, cursor.at, cursor.id])).toString("base64url");
}

function invalidCursor(message: string): ApiError {
  return new ApiError(400, "invalid_request", "The cursor is not one this list returned.", {
    problems: [{ in: "query", path: "/cursor", code: "invalid_cursor", message }],
  });
}

export function decodeConversationCursor(text: string, order: ConversationOrder): ConversationCursor {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor("is not a cursor of this list");
  }
  if (!Array.isArray(values) || values.length !== 3) throw invalidCursor("is not a cursor of this list");
  const [given, at, id] = values as unknown[];
  if (
    (given !== "queue" && given !== "recent") ||
    typeof at !== "string" ||
    Number.isNaN(Date.parse(at)) ||
    typeof id !== "string" ||
    !isUuid(id)
  ) {
    throw invalidCursor("is not a cursor of this list");
  }
  if (given !== order) {
    throw invalidCursor(
      given === "queue" ? "belongs to the queue: send queue=true" : "belongs to the list without queue=true",
    );
  }
  return { order, at, id };
}
