import type { IntentWarning } from "@parley/nlu";
import { integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// Mirrors migrations/0008_intents.sql; the SQL file is the source of truth.

export type IntentTrainingStatus = "untrained" | "training" | "trained" | "failed";

export const intents = pgTable("intents", {
  id: uuid("id").primaryKey(),
  organizationId: uuid("organization_id").notNull(),
  name: text("name").notNull(),
  title: text("title").notNull(),
  description: text("description").notNull().default(""),
  phrases: jsonb("phrases").$type<string[]>().notNull().default([]),
  keywords: jsonb("keywords").$type<Record<string, string[]>>().notNull().default({}),
  revision: integer("revision").notNull().default(1),
  trainingStatus: text("training_status").$type<IntentTrainingStatus>().notNull().default("untrained"),
  trainingError: text("training_error"),
  trainedAt: timestamp("trained_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const intentModels = pgTable("intent_models", {
  organizationId: uuid("organization_id").primaryKey(),
  /** An IntentModel of @parley/nlu; read it with loadModel, which checks its version. */
  model: jsonb("model").$type<unknown>().notNull(),
  trainedFrom: text("trained_from").notNull(),
  warnings: jsonb("warnings").$type<IntentWarning[]>().notNull().default([]),
  trainedAt: timestamp("trained_at", { withTimezone: true }).notNull().defaultNow(),
});
