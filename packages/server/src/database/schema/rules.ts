import type { Channel } from "@parley/model";
import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { Audience } from "../../rules/audience.ts";

// Mirrors migrations/0004_rules.sql; the SQL file is the source of truth.

export const rules = pgTable("rules", {
  id: uuid("id").primaryKey(),
  organizationId: uuid("organization_id").notNull(),
  name: text("name").notNull(),
  position: integer("position").notNull(),
  channel: text("channel").$type<Channel>().notNull(),
  brandId: uuid("brand_id"),
  assistantId: uuid("assistant_id").notNull(),
  startDialogId: text("start_dialog_id"),
  proactive: boolean("proactive").notNull().default(false),
  audience: jsonb("audience").$type<Audience>().notNull(),
  phoneNumber: text("phone_number"),
  whatsappId: text("whatsapp_id"),
  enabled: boolean("enabled").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const defaultAssistants = pgTable(
  "default_assistants",
  {
    organizationId: uuid("organization_id").notNull(),
    brandId: uuid("brand_id").notNull(),
    channel: text("channel").$type<Channel>().notNull(),
    assistantId: uuid("assistant_id").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.organizationId, table.brandId, table.channel] })],
);
