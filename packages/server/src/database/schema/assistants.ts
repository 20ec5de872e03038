import type { Assistant, AssistantType, Channel } from "@parley/model";
import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

// Mirrors migrations/0002_assistants.sql; the SQL file is the source of truth.

export const assistants = pgTable("assistants", {
  id: uuid("id").primaryKey(),
  organizationId: uuid("organization_id").notNull(),
  publicId: text("public_id").notNull(),
  internalName: text("internal_name").notNull(),
  description: text("description").notNull().default(""),
  publicName: text("public_name").notNull().default(""),
  channel: text("channel").$type<Channel>().notNull(),
  type: text("type").$type<AssistantType>().notNull(),
  draft: jsonb("draft").$type<Assistant>().notNull(),
  draftRevision: integer("draft_revision").notNull().default(1),
  liveVersion: integer("live_version"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const assistantVersions = pgTable(
  "assistant_versions",
  {
    assistantId: uuid("assistant_id").notNull(),
    version: integer("version").notNull(),
    definition: jsonb("definition").$type<Assistant>().notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
    publishedBy: text("published_by"),
  },
  (table) => [primaryKey({ columns: [table.assistantId, table.version] })],
);
