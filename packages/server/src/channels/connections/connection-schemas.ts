import { Channel } from "@parley/model";
import { z } from "zod";
import { PhoneNumber, WhatsappId } from "../../rules/rule-schemas.ts";
import { messagingKinds, messagingProviders } from "../messaging/messaging-adapter.ts";

const Credentials = z.record(
  z.string().regex(/^[A-Za-z]{1,64}$/, "must be a credential name such as authToken"),
  z.string().trim().min(1, "must not be empty").max(4096, "must be at most 4096 characters"),
);

/** An approved WhatsApp message template (Meta), sent outside the 24-hour customer-service window. */
export const WhatsappTemplate = z
  .object({
    name: z
      .string()
      .regex(/^[a-z0-9_]{1,512}$/, "must be the template's name: lower-case letters, digits and '_'"),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, "must be a template language code such as en, en_US or pt_BR"),
  })
  .meta({ id: "WhatsappTemplate" });

const ApiBaseUrl = z
  .url("must be a URL")
  .max(2000, "must be at most 2000 characters")
  .regex(/^https?:\/\//, "must start with http:// or https://")
  .transform((value) => value.replace(/\/+$/, ""));

export const ChannelConnectionInput = z
  .object({
    name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
    /** The brand whose rules and default assistant apply; null: the organization's default brand. */
    brandId: z.uuid().nullable().default(null),
    provider: z.enum(messagingProviders),
    kind: z.enum(messagingKinds),
    /**
     * The business's address: an E.164 phone number (Twilio), Meta's phone number id, or
     * MessageBird's channel id.
     */
    address: z.string().trim().min(1, "is required").max(128, "must be at most 128 characters"),
    /** The provider's credentials by name (see the provider's `credentialNames`); never returned. */
    credentials: Credentials,
    /** A sandbox or simulator instead of the provider's public API; null: the public API. */
    apiBaseUrl: ApiBaseUrl.nullable().default(null),
    whatsappTemplate: WhatsappTemplate.nullable().default(null),
    enabled: z.boolean().default(true),
  })
  .meta({ id: "ChannelConnectionRequest" });
export type ChannelConnectionInput = z.infer<typeof ChannelConnectionInput>;

/** A change: credentials given replace those of the same name, the others stay. */
export const ChannelConnectionPatch = z
  .object({
    name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
    brandId: z.uuid().nullable(),
    address: z.string().trim().min(1, "is required").max(128, "must be at most 128 characters"),
    credentials: Credentials,
    apiBaseUrl: ApiBaseUrl.nullable(),
    whatsappTemplate: WhatsappTemplate.nullable(),
    enabled: z.boolean(),
  })
  .partial()
  .strict()
  .meta({ id: "ChannelConnectionPatch" });
export type ChannelConnectionPatch = z.infer<typeof ChannelConnectionPatch>;

export const ChannelConnection = z
  .object({
    id: z.string(),
    name: z.string(),
    brandId: z.string().nullable(),
    provider: z.enum(messagingProviders),
    kind: z.enum(messagingKinds),
    /** The channel assistants and rules name for conversations on this connection. */
    channel: Channel,
    address: z.string(),
    /** Paste this into the provider's console as the webhook (and status callback) URL. */
    webhookUrl: z.string(),
    /** Which credentials are set, each shown by its last four characters only. */
    credentialHints: z.record(z.string(), z.string()),
    apiBaseUrl: z.string().nullable(),
    whatsappTemplate: WhatsappTemplate.nullable(),
    enabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "ChannelConnection" });
export type ChannelConnection = z.infer<typeof ChannelConnection>;

/** The rule each provider's addresses follow, with the words an admin can act on. */
export const addressRules: Record<
  (typeof messagingProviders)[number],
  { schema: z.ZodString; rule: string }
> = {
  twilio: { schema: PhoneNumber, rule: "must be the Twilio number in E.164 format, such as +19191234567" },
  meta: {
    schema: z.string().regex(/^[0-9]{5,32}$/),
    rule: "must be the phone number ID Meta shows under WhatsApp > API Setup (digits only)",
  },
  messagebird: {
    schema: WhatsappId,
    rule: "must be the MessageBird channel ID (Channels > your channel > Channel ID)",
  },
};
