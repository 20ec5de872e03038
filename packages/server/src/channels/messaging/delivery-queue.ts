import type { PgBoss } from "pg-boss";
import type { ConversationRow } from "../../conversations/conversation-store.ts";
import type { TranscriptMessage } from "../../conversations/domain-events.ts";
import type { Executor } from "../../database/connection.ts";
import { messageDeliveries } from "../../database/schema/index.ts";
import { inTransaction, queueNames } from "../../jobs/job-queue.ts";

export interface ChannelSendJob {
  conversationId: string;
}

/**
 * Records the turn's outgoing messages as pending deliveries and wakes the conversation's sender,
 * inside the turn's transaction: a message exists exactly when its delivery does, and a crash
 * after the commit leaves the job to send it. Customers see what the assistant and agents write;
 * system lines ("Transferred to an agent") are for the transcript only.
 */
export async function queueChannelDeliveries(
  executor: Executor,
  jobs: PgBoss,
  row: ConversationRow,
  messages: readonly TranscriptMessage[],
): Promise<void> {
  const outgoing = messages.filter((message) => message.author === "assistant" || message.author === "agent");
  if (outgoing.length === 0) return;
  await executor.insert(messageDeliveries).values(
    outgoing.map((message) => ({
      conversationId: row.id,
      sequence: message.sequence,
      part: 0,
      connectionId: row.channelConnectionId,
      status: "pending" as const,
    })),
  );
  const job: ChannelSendJob = { conversationId: row.id };
  await jobs.send(queueNames.channelSend, job, { ...inTransaction(executor), singletonKey: row.id });
}
