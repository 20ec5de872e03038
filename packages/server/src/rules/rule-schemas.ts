import { Channel, Identifier } from "@parley/model";
import { z } from "zod";
import { Audience } from "./audience.ts";

/** At most this many rules per organization (spec 06). */
export const maxRulesPerOrganization = 200;

/** E.164: a plus and 8 to 15 digits, the format Twilio uses (spec 06: "+19191234567"). */
export const PhoneNumber = z
  .string()
  .regex(/^\+[1-9][0-9]{7,14}$/, "must be an E.164 phone number such as +19191234567");

/** A WhatsApp sender id (a MessageBird channel id or a Meta phone number id). */
export const WhatsappId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, "must be 1 to 128 letters, digits, '.', ':', '-' or '_'");

export const RuleInput = z
  .object({
    name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
    channel: Channel,
    /** The brand whose conversations the rule applies to; null or absent: every brand. */
    brandId: z.uuid().nullable().default(null),
    assistantId: z.uuid(),
    /** The dialog the assistant starts with; null or absent: the first dialog, Welcome. */
    startDialogId: Identifier.nullable().default(null),
    /** Open the chat by itself when the audience matches (chat only). */
    proactive: z.boolean().default(false),
    audience: Audience.default({ match: "all", conditions: [] }),
    /** Only conversations to this number (sms, voice, whatsapp, twilio_whatsapp). */
    phoneNumber: PhoneNumber.nullable().default(null),
    /** Only conversations to this WhatsApp sender (whatsapp, messagebird_whatsapp). */
    whatsappId: WhatsappId.nullable().default(null),
    enabled: z.boolean().default(true),
  })
  .meta({ id: "RuleRequest" });
export type RuleInput = z.infer<typeof RuleInput>;

export const Rule = z
  .object({
    id: z.string(),
    name: z.string(),
    /** Rules are tried by ascending position; reordering numbers them 1, 2, 3… */
    position: z.number().int(),
    channel: Channel,
    brandId: z.string().nullable(),
    assistantId: z.string(),
    startDialogId: z.string().nullable(),
    proactive: z.boolean(),
    audience: Audience,
    phoneNumber: z.string().nullable(),
    whatsappId: z.string().nullable(),
    enabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Rule" });
export type Rule = z.infer<typeof Rule>;

const AttributeValue = z.union([
  z.string().max(4096),
  z.number(),
  z.boolean(),
  z.array(z.string().max(1024)).max(100),
  z.null(),
]);
const Attributes = z.record(z.string().max(64), AttributeValue);

export const EvaluationRequest = z
  .object({
    channel: Channel,
    brandId: z.uuid().optional(),
    session: z
      .object({
        currentPage: z.string().max(4096).optional(),
        previousPage: z.string().max(4096).optional(),
        language: z.string().max(64).optional(),
        timeOnPage: z.number().min(0).optional(),
        userAgent: z.string().max(1024).optional(),
      })
      .optional(),
    customer: z.object({ authenticated: z.boolean(), attributes: Attributes.default({}) }).optional(),
    company: z.object({ attributes: Attributes.default({}) }).optional(),
    conversation: z.object({ attributes: Attributes.default({}) }).optional(),
    message: z
      .object({ text: z.string().max(4096).optional(), attachmentCount: z.number().int().min(0).optional() })
      .optional(),
    /** The number the customer contacted (sms, voice, WhatsApp). */
    phoneNumber: PhoneNumber.optional(),
    /** The WhatsApp sender the customer contacted. */
    whatsappId: WhatsappId.optional(),
    /** True when the widget asks whether to open a chat by itself; only proactive rules answer it. */
    proactive: z.boolean().default(false),
  })
  .meta({ id: "RuleEvaluationRequest" });
export type EvaluationRequest = z.infer<typeof EvaluationRequest>;

export const EvaluationResult = z
  .discriminatedUnion("source", [
    z.object({
      source: z.literal("rule"),
      ruleId: z.string(),
      assistantId: z.string(),
      version: z.number().int(),
      startDialogId: z.string(),
    }),
    z.object({
      source: z.literal("default"),
      assistantId: z.string(),
      version: z.number().int(),
      startDialogId: z.string(),
    }),
    z.object({ source: z.literal("none") }),
  ])
  .meta({ id: "RuleEvaluationResult" });
export type EvaluationResult = z.infer<typeof EvaluationResult>;

export const DefaultAssistant = z
  .object({ brandId: z.string(), channel: Channel, assistantId: z.string() })
  .meta({ id: "DefaultAssistant" });
export type DefaultAssistant = z.infer<typeof DefaultAssistant>;
