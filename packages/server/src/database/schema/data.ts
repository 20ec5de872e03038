import type { AttributeDefinition, BusinessScheduleDefinition } from "@parley/model";
import { jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// Mirrors migrations/0003_data_model.sql; the SQL file is the source of truth.

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/** What the web chat widget shows for a brand. */
export interface ChatSettings {
  /** A line under the message box, such as a privacy notice; plain text. */
  consentText?: string;
  /** A CSS hex colour for the launcher, header and the customer's messages. */
  accentColor?: string;
  position?: "right" | "left";
}

/** Custom attribute values by attribute name. */
type AttributeValues = Record<string, unknown>;

export const brands = pgTable("brands", {
  id: uuid("id").primaryKey(),
  organizationId: uuid("organization_id").notNull(),
  name: text("name").notNull(),
  /** Web chat: customer JWTs are HS256 with this secret, or RS256 with this PEM public key. */
  chatJwtSecret: text("chat_jwt_secret"),
  chatJwtPublicKey: text("chat_jwt_public_key"),
  chatSettings: jsonb("chat_settings").$type<ChatSettings>().notNull().default({}),
  ...timestamps,
});

export const teams = pgTable("teams", {
  id: uuid("id").primaryKey(),
  organizationId: uuid("organization_id").notNull(),
  name: text("name").notNull(),
  ...timestamps,
});

export const klasses = pgTable("klasses", {
  id: uuid("id").primaryKey(),
  organizationId: uuid("organization_id").notNull(),
  name: text("name").notNull(),
  label: text("label"),
  attributes: jsonb("attributes").$type<AttributeDefinition[]>().notNull().default([]),
  ...timestamps,
});

export const companies = pgTable("companies", {
  id: uuid("id").primaryKey(),
  organizationId: uuid("organization_id").notNull(),
  externalId: text("external_id"),
  name: text("name").notNull().default(""),
  domain: text("domain"),
  attributes: jsonb("attributes").$type<AttributeValues>().notNull().default({}),
  ...timestamps,
});

export const customers = pgTable("customers", {
  id: uuid("id").primaryKey(),
  organizationId: uuid("organization_id").notNull(),
  externalId: text("external_id"),
  name: text("name").notNull().default(""),
  email: text("email"),
  phone: text("phone"),
  defaultLanguage: text("default_language"),
  companyId: uuid("company_id"),
  attributes: jsonb("attributes").$type<AttributeValues>().notNull().default({}),
  ...timestamps,
});

export const objects = pgTable("objects", {
  id: uuid("id").primaryKey(),
  organizationId: uuid("organization_id").notNull(),
  klassId: uuid("klass_id").notNull(),
  customerId: uuid("customer_id").notNull(),
  externalId: text("external_id"),
  attributes: jsonb("attributes").$type<AttributeValues>().notNull().default({}),
  ...timestamps,
});

export const businessSchedules = pgTable("business_schedules", {
  id: uuid("id").primaryKey(),
  organizationId: uuid("organization_id").notNull(),
  name: text("name").notNull(),
  timeZone: text("time_zone").notNull(),
  hours: jsonb("hours").$type<BusinessScheduleDefinition["hours"]>().notNull().default({}),
  holidays: jsonb("holidays").$type<BusinessScheduleDefinition["holidays"]>().notNull().default([]),
  ...timestamps,
});

export const snippets = pgTable("snippets", {
  id: uuid("id").primaryKey(),
  organizationId: uuid("organization_id").notNull(),
  name: text("name").notNull(),
  values: jsonb("values").$type<Record<string, string>>().notNull().default({}),
  ...timestamps,
});
