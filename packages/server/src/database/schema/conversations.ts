import type { ConversationState, TranscriptMessageBody } from "@parley/engine";
import type { Assistant } from "@parley/model";
import {
  bigint,
  boolean,
  customType,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { PendingTimers } from "../../conversations/pending-timers.ts";

// Mirrors migrations/0005_conversations.sql, 0007_conversation_files.sql, 0013_file_quotas.sql and
// 0016_messaging_channels.sql; the SQL files are the source of truth.

export type ConversationStatus = "open" | "transferred" | "ended";
export type MessageAuthor = "customer" | "assistant" | "agent" | "system";

export const conversations = pgTable("conversations", {
  id: uuid("id").primaryKey(),
  organizationId: uuid("organization_id").notNull(),
  brandId: uuid("brand_id"),
  channel: text("channel").notNull(),
  assistantId: uuid("assistant_id"),
  assistantVersion: integer("assistant_version"),
  preview: boolean("preview").notNull().default(false),
  previewDefinition: jsonb("preview_definition").$type<Assistant>(),
  ruleId: uuid("rule_id"),
  customerId: uuid("customer_id"),
  session: jsonb("session").$type<Record<string, unknown>>().notNull().default({}),
  language: text("language").notNull(),
  state: jsonb("state").$type<ConversationState>(),
  assistantStatus: text("assistant_status"),
  status: text("status").$type<ConversationStatus>().notNull().default("open"),
  teamId: uuid("team_id"),
  routing: jsonb("routing").$type<Record<string, unknown>>(),
  assignedAgentId: uuid("assigned_agent_id"),
  attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull().default({}),
  customerAttributes: jsonb("customer_attributes").$type<Record<string, unknown>>().notNull().default({}),
  lastSequence: bigint("last_sequence", { mode: "number" }).notNull().default(0),
  timerJobs: jsonb("timer_jobs").$type<PendingTimers>().notNull().default({}),
  visitorTokenHash: text("visitor_token_hash"),
  channelConnectionId: uuid("channel_connection_id"),
  customerAddress: text("customer_address"),
  lastCustomerMessageAt: timestamp("last_customer_message_at", { withTimezone: true }),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  transferredAt: timestamp("transferred_at", { withTimezone: true }),
  endedAt: timestamp("ended_at", { withTimezone: true }),
});

export const conversationMessages = pgTable(
  "conversation_messages",
  {
    conversationId: uuid("conversation_id").notNull(),
    sequence: bigint("sequence", { mode: "number" }).notNull(),
    author: text("author").$type<MessageAuthor>().notNull(),
    authorId: uuid("author_id"),
    body: jsonb("body").$type<TranscriptMessageBody>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.conversationId, table.sequence] })],
);

export const conversationInbound = pgTable(
  "conversation_inbound",
  {
    conversationId: uuid("conversation_id").notNull(),
    key: text("key").notNull(),
    sequence: bigint("sequence", { mode: "number" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.conversationId, table.key] })],
);

export const conversationActivity = pgTable("conversation_activity", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  conversationId: uuid("conversation_id").notNull(),
  kind: text("kind").notNull(),
  data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

export const conversationRatings = pgTable("conversation_ratings", {
  conversationId: uuid("conversation_id").primaryKey(),
  scale: smallint("scale").notNull(),
  value: smallint("value").notNull(),
  comment: text("comment"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

export const conversationFiles = pgTable("conversation_files", {
  id: text("id").primaryKey(),
  conversationId: uuid("conversation_id").notNull(),
  organizationId: uuid("organization_id").notNull(),
  name: text("name").notNull(),
  mediaType: text("media_type").notNull(),
  size: integer("size").notNull(),
  content: bytea("content").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  attached: boolean("attached").notNull().default(false),
});
