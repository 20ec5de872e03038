import { integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// Mirrors migrations/0010_knowledge.sql; the SQL file is the source of truth.

export type ArticleStatus = "draft" | "published";
export type ArticleVisibility = "public" | "internal";
export type ArticleBodyFormat = "markdown" | "html";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const knowledgeBases = pgTable("knowledge_bases", {
  id: uuid("id").primaryKey(),
  organizationId: uuid("organization_id").notNull(),
  /** Null only after the brand was deleted. */
  brandId: uuid("brand_id"),
  name: text("name").notNull(),
  defaultLanguage: text("default_language").notNull(),
  publicUrl: text("public_url"),
  revision: integer("revision").notNull().default(1),
  ...timestamps,
});

export const knowledgeBaseArticles = pgTable("knowledge_base_articles", {
  id: uuid("id").primaryKey(),
  organizationId: uuid("organization_id").notNull(),
  knowledgeBaseId: uuid("knowledge_base_id").notNull(),
  title: text("title").notNull(),
  slug: text("slug").notNull(),
  language: text("language").notNull(),
  status: text("status").$type<ArticleStatus>().notNull().default("draft"),
  visibility: text("visibility").$type<ArticleVisibility>().notNull().default("public"),
  bodyFormat: text("body_format").$type<ArticleBodyFormat>().notNull().default("markdown"),
  body: text("body").notNull(),
  html: text("html").notNull(),
  text: text("text").notNull(),
  categories: jsonb("categories").$type<string[]>().notNull().default([]),
  publishedAt: timestamp("published_at", { withTimezone: true }),
  ...timestamps,
});
