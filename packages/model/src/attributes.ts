import { z } from "zod";

/**
 * Klasses are types of records. The standard ones are built in; an organization
 * adds custom ones (such as `order`) with typed attributes.
 */
export const standardKlasses = ["conversation", "customer", "company"] as const;

/** Where answers can be saved: the spec limits assistants to Conversation and Customer. */
export const SaveTarget = z
  .object({
    klass: z.enum(["conversation", "customer"]),
    attribute: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, "must be an attribute name"),
  })
  .meta({ id: "SaveTarget" });
export type SaveTarget = z.infer<typeof SaveTarget>;

export const attributeTypes = ["text", "number", "boolean", "date", "choice", "list"] as const;
export type AttributeType = (typeof attributeTypes)[number];

/** Scopes a condition can read. `message` is the customer's latest message; `session` the web page context. */
export const conditionScopes = ["conversation", "customer", "company", "message", "session"] as const;
export type ConditionScope = (typeof conditionScopes)[number];

/**
 * Types of the attributes every organization has. Custom attributes take their
 * type from the organization's Klass definitions, passed to validation when known.
 */
export const standardAttributes: Record<ConditionScope, Record<string, AttributeType>> = {
  conversation: {
    name: "text",
    priority: "number",
    brand: "choice",
    tags: "list",
    defaultLanguage: "choice",
    assignedTeams: "list",
    channel: "choice",
    assistantStatus: "choice",
  },
  customer: {
    name: "text",
    email: "text",
    phone: "text",
    defaultLanguage: "choice",
    company: "text",
    authenticated: "boolean",
  },
  company: { name: "text", domain: "text" },
  message: { text: "text", attachmentCount: "number" },
  session: {
    currentPage: "text",
    language: "choice",
    timeOnPage: "number",
    userAgent: "text",
    authenticated: "boolean",
  },
};

/** Standard attributes the Update attribute interaction may change (spec 04), by Klass. */
export const updatableStandardAttributes = {
  conversation: ["name", "priority", "brand", "tags", "defaultLanguage"],
  customer: ["name", "defaultLanguage", "company"],
} as const;

/** Attribute types as organizations define them for their Klasses (custom attributes). */
export const AttributeDefinition = z
  .object({
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/),
    label: z.string().optional(),
    type: z.enum(attributeTypes),
    /** Allowed values of choice and list attributes; nested values use `Parent > Child`. */
    values: z.array(z.string()).optional(),
  })
  .meta({ id: "AttributeDefinition" });
export type AttributeDefinition = z.infer<typeof AttributeDefinition>;

export const KlassDefinition = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
    label: z.string().optional(),
    attributes: z.array(AttributeDefinition),
  })
  .meta({ id: "KlassDefinition" });
export type KlassDefinition = z.infer<typeof KlassDefinition>;
