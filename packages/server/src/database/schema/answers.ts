import { boolean, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// Mirrors migrations/0011_ai_answers.sql; the SQL file is the source of truth.

export interface StoredCitation {
  articleId: string;
  title: string;
  url: string;
}

export const aiAnswers = pgTable("ai_answers", {
  id: uuid("id").primaryKey(),
  organizationId: uuid("organization_id").notNull(),
  conversationId: uuid("conversation_id").notNull(),
  requestId: text("request_id").notNull(),
  knowledgeBaseId: text("knowledge_base_id").notNull(),
  question: text("question").notNull(),
  language: text("language").notNull(),
  found: boolean("found").notNull(),
  answer: text("answer").notNull(),
  citations: jsonb("citations").$type<StoredCitation[]>().notNull().default([]),
  provider: text("provider").notNull(),
  feedback: text("feedback").$type<"positive" | "neutral" | "negative">(),
  feedbackAt: timestamp("feedback_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
