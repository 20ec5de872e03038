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

// Mirrors migrations/0006_webhooks.sql; the SQL file is the source of truth.

export type WebhookDeliveryStatus = "pending" | "succeeded" | "failed" | "cancelled";

/** What a receiver gets as the JSON body of a delivery. */
export interface WebhookPayload {
  id: string;
  type: string;
  createdAt: string;
  organizationId: string;
  conversationId: string | null;
  data: unknown;
}

export const webhookSubscriptions = pgTable("webhook_subscriptions", {
  id: uuid("id").primaryKey(),
  organizationId: uuid("organization_id").notNull(),
  url: text("url").notNull(),
  description: text("description").notNull().default(""),
  eventTypes: text("event_types").array().notNull(),
  secret: text("secret").notNull(),
  previousSecret: text("previous_secret"),
  previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true }),
  enabled: boolean("enabled").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const webhookDeliveries = pgTable("webhook_deliveries", {
  id: uuid("id").primaryKey(),
  sequence: bigint("sequence", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
  organizationId: uuid("organization_id").notNull(),
  subscriptionId: uuid("subscription_id").notNull(),
  eventId: uuid("event_id").notNull(),
  eventType: text("event_type").notNull(),
  conversationId: uuid("conversation_id"),
  payload: jsonb("payload").$type<WebhookPayload>().notNull(),
  status: text("status").$type<WebhookDeliveryStatus>().notNull().default("pending"),
  attempts: integer("attempts").notNull().default(0),
  lastResponseStatus: integer("last_response_status"),
  lastError: text("last_error"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  deliveredAt: timestamp("delivered_at", { withTimezone: true }),
});

export const webhookDeliveryAttempts = pgTable(
  "webhook_delivery_attempts",
  {
    deliveryId: uuid("delivery_id").notNull(),
    number: integer("number").notNull(),
    url: text("url").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    durationMilliseconds: integer("duration_milliseconds").notNull(),
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    error: text("error"),
  },
  (table) => [primaryKey({ columns: [table.deliveryId, table.number] })],
);
