import {
  bigint,
  boolean,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

// Mirrors migrations/0016_messaging_channels.sql; the SQL file is the source of truth.

export interface ChannelConnectionSettings {
  whatsappTemplate?: { name: string; language: string };
}

export const channelConnections = pgTable("channel_connections", {
  id: uuid("id").primaryKey(),
  organizationId: uuid("organization_id").notNull(),
  brandId: uuid("brand_id"),
  name: text("name").notNull(),
  provider: text("provider").$type<"twilio" | "meta" | "messagebird">().notNull(),
  kind: text("kind").$type<"sms" | "whatsapp">().notNull(),
  address: text("address").notNull(),
  credentials: text("credentials").notNull(),
  apiBaseUrl: text("api_base_url"),
  settings: jsonb("settings").$type<ChannelConnectionSettings>().notNull().default({}),
  enabled: boolean("enabled").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const channelInbound = pgTable(
  "channel_inbound",
  {
    connectionId: uuid("connection_id").notNull(),
    providerMessageId: text("provider_message_id").notNull(),
    conversationId: uuid("conversation_id"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.connectionId, table.providerMessageId] })],
);

export const messageDeliveries = pgTable(
  "message_deliveries",
  {
    conversationId: uuid("conversation_id").notNull(),
    sequence: bigint("sequence", { mode: "number" }).notNull(),
    part: integer("part").notNull(),
    connectionId: uuid("connection_id"),
    status: text("status").$type<"pending" | "sent" | "delivered" | "read" | "failed">().notNull(),
    providerMessageId: text("provider_message_id"),
    segments: integer("segments"),
    summary: text("summary"),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.conversationId, table.sequence, table.part] })],
);
