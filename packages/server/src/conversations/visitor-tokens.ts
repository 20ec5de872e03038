import { timingSafeEqual } from "node:crypto";
import { hashToken } from "../access/secrets.ts";
import type { ConversationRow } from "./conversation-store.ts";

/** Whether a visitor token opens this conversation, compared in constant time. */
export function visitorTokenMatches(row: ConversationRow, token: string): boolean {
  const stored = Buffer.from(row.visitorTokenHash);
  const given = Buffer.from(hashToken(token));
  return stored.length === given.length && timingSafeEqual(stored, given);
}
