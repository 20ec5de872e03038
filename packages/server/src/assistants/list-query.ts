import type { AssistantType, Channel } from "@parley/model";
import { ApiError } from "../http/errors.ts";
import type { AssistantRow, AssistantStatus } from "./representation.ts";

/** Where the previous page ended: the last assistant's name and id. */
export interface ListPosition {
  internalName: string;
  id: string;
}

export interface AssistantListQuery {
  search?: string | undefined;
  status?: AssistantStatus | undefined;
  channel?: Channel | undefined;
  type?: AssistantType | undefined;
  limit: number;
  after?: ListPosition | undefined;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Cursors are opaque to callers; inside, the position of the last assistant of the page. */
export function encodeCursor(row: AssistantRow): string {
  return Buffer.from(JSON.stringify([row.internalName, row.id])).toString("base64url");
}

export function decodeCursor(cursor: string): ListPosition {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      typeof decoded[0] === "string" &&
      typeof decoded[1] === "string" &&
      uuidPattern.test(decoded[1])
    ) {
      return { internalName: decoded[0], id: decoded[1] };
    }
  } catch {
    // Falls through to the same answer as a well-formed but wrong cursor.
  }
  throw new ApiError(400, "invalid_request", "The cursor is not one this API returned.", {
    problems: [
      { in: "query", path: "/cursor", code: "invalid_cursor", message: "is not a cursor from a list" },
    ],
  });
}
