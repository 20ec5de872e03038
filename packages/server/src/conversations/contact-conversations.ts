import { and, eq, ne } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import { channelInbound, conversations } from "../database/schema/index.ts";
import type { ConversationRow } from "./conversation-store.ts";

/**
 * Takes a provider's message id for this connection. Not fresh when a webhook delivered it
 * before; then the conversation it went to, if that delivery got as far.
 */
export async function claimProviderMessage(
  executor: Executor,
  connectionId: string,
  providerMessageId: string,
): Promise<{ fresh: true } | { fresh: false; conversationId: string | null }> {
  const [inserted] = await executor
    .insert(channelInbound)
    .values({ connectionId, providerMessageId })
    .onConflictDoNothing()
    .returning({ id: channelInbound.providerMessageId });
  if (inserted) return { fresh: true };
  const [earlier] = await executor
    .select({ conversationId: channelInbound.conversationId })
    .from(channelInbound)
    .where(
      and(
        eq(channelInbound.connectionId, connectionId),
        eq(channelInbound.providerMessageId, providerMessageId),
      ),
    );
  return { fresh: false, conversationId: earlier?.conversationId ?? null };
}

export async function recordProviderConversation(
  executor: Executor,
  connectionId: string,
  providerMessageId: string,
  conversationId: string,
): Promise<void> {
  await executor
    .update(channelInbound)
    .set({ conversationId })
    .where(
      and(
        eq(channelInbound.connectionId, connectionId),
        eq(channelInbound.providerMessageId, providerMessageId),
      ),
    );
}

/** The customer's open conversation on this connection, locked for the turn; there is at most one. */
export async function lockOpenConversation(
  executor: Executor,
  connectionId: string,
  address: string,
): Promise<ConversationRow | undefined> {
  const [row] = await executor
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.channelConnectionId, connectionId),
        eq(conversations.customerAddress, address),
        ne(conversations.status, "ended"),
      ),
    )
    .for("update");
  return row;
}

/** Two first messages of one customer started a conversation each; the second must continue the first's. */
export function isOpenConversationRace(error: unknown): boolean {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    const constraint = (cause as { constraint?: unknown }).constraint;
    if (constraint === "conversations_open_per_contact") return true;
    if (cause.message.includes("conversations_open_per_contact")) return true;
  }
  return false;
}
