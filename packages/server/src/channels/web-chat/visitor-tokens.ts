import { randomBytes, timingSafeEqual } from "node:crypto";
import { hashToken } from "../../access/secrets.ts";
import type { ConversationRow } from "../../conversations/conversation-store.ts";

/** A new visitor token, and the hash the conversation keeps of it. */
export function newVisitorToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString("base64url");
  return { token, hash: hashToken(token) };
}

/** Whether a visitor token opens this conversation, compared in constant time. */
export function visitorTokenMatches(row: ConversationRow, token: string): boolean {
  // Conversations on messaging channels have no token: no browser may open them.
  if (row.visitorTokenHash === null) return false;
  const stored = Buffer.from(row.visitorTokenHash);
  const given = Buffer.from(hashToken(token));
  return stored.length === given.length && timingSafeEqual(stored, given);
}
