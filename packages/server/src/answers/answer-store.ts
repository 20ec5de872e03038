import { randomUUID } from "node:crypto";
import type { GroundedAnswer } from "@parley/knowledge";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import { aiAnswers } from "../database/schema/index.ts";

export interface AnswerRecord {
  organizationId: string;
  conversationId: string;
  requestId: string;
  knowledgeBaseId: string;
  question: string;
  language: string;
  answer: GroundedAnswer;
}

/**
 * Stores an answer given to a customer and returns its id. The effect job
 * may run twice for one request (a crash before its result was stored): the
 * second run finds the first row and keeps its id, so feedback reaches one
 * answer.
 */
export async function storeAnswer(executor: Executor, record: AnswerRecord): Promise<string> {
  const [inserted] = await executor
    .insert(aiAnswers)
    .values({
      id: randomUUID(),
      organizationId: record.organizationId,
      conversationId: record.conversationId,
      requestId: record.requestId,
      knowledgeBaseId: record.knowledgeBaseId,
      question: record.question.slice(0, 2000),
      language: record.language,
      found: record.answer.found,
      answer: record.answer.text.slice(0, 20_000),
      citations: record.answer.citations,
      provider: record.answer.provider,
    })
    .onConflictDoNothing({ target: [aiAnswers.conversationId, aiAnswers.requestId] })
    .returning({ id: aiAnswers.id });
  if (inserted) return inserted.id;
  const [existing] = await executor
    .select({ id: aiAnswers.id })
    .from(aiAnswers)
    .where(
      and(eq(aiAnswers.conversationId, record.conversationId), eq(aiAnswers.requestId, record.requestId)),
    );
  if (!existing) throw new Error("the answer could not be stored");
  return existing.id;
}

/** Records the customer's helpful / not helpful on an answer of their conversation; the first one counts. */
export async function recordAnswerFeedback(
  executor: Executor,
  conversationId: string,
  answerId: string,
  outcome: "positive" | "neutral" | "negative",
  at: Date,
): Promise<void> {
  await executor
    .update(aiAnswers)
    .set({ feedback: outcome, feedbackAt: at })
    .where(
      and(
        eq(aiAnswers.id, answerId),
        eq(aiAnswers.conversationId, conversationId),
        isNull(aiAnswers.feedback),
      ),
    );
}
