import { doublePrecision, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// Mirrors migrations/0012_ai_settings.sql; the SQL file is the source of truth.

export type AiProviderKind = "extractive" | "openai" | "openai-compatible";

export const aiProfiles = pgTable("ai_profiles", {
  id: uuid("id").primaryKey(),
  organizationId: uuid("organization_id").notNull(),
  name: text("name").notNull(),
  instructions: text("instructions").notNull().default(""),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const aiSettings = pgTable("ai_settings", {
  organizationId: uuid("organization_id").primaryKey(),
  provider: text("provider").$type<AiProviderKind>().notNull(),
  baseUrl: text("base_url"),
  model: text("model"),
  apiKey: text("api_key"),
  apiKeyOrigin: text("api_key_origin"),
  temperature: doublePrecision("temperature"),
  maxOutputTokens: integer("max_output_tokens"),
  timeoutMs: integer("timeout_ms"),
  defaultProfileId: uuid("default_profile_id"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
