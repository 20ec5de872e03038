import { z } from "zod";
import { conversationDomainEventTypes } from "../conversations/domain-events.ts";

/** How much of each an organization may have or send; going over answers with the limit. */
export const webhookLimits = {
  subscriptionsPerOrganization: 20,
  urlLength: 2048,
  descriptionLength: 500,
  /** How long the previous secret keeps signing after a rotation, at most (a week). */
  previousSecretSeconds: 7 * 24 * 60 * 60,
} as const;

/** Receivers get a day to switch to a rotated secret unless the rotation says otherwise. */
export const defaultPreviousSecretSeconds = 24 * 60 * 60;

/** The events a subscription can listen to: what conversations tell other systems. */
export const webhookEventTypes = conversationDomainEventTypes;
export const WebhookEventType = z.enum(webhookEventTypes).meta({ id: "WebhookEventType" });

/** The ping `POST /v1/webhooks/{id}/test` sends; every subscription receives it. */
export const testEventType = "webhook.test";

export const WebhookUrl = z
  .url({
    protocol: /^https?$/,
    error: "must be an absolute http:// or https:// URL",
    abort: true,
  })
  .max(webhookLimits.urlLength, `must be at most ${webhookLimits.urlLength} characters`)
  // fetch refuses URLs with credentials; a receiver that wants a password can put a token in the path or query.
  .regex(
    /^https?:\/\/[^/?#@]+(?:[/?#]|$)/i,
    "must not contain a user name or password (put a token in the path or query instead)",
  );

const Description = z
  .string()
  .trim()
  .max(webhookLimits.descriptionLength, `must be at most ${webhookLimits.descriptionLength} characters`);

/** Duplicates are ignored: a subscription listens to a set of event types. */
const EventTypes = z
  .array(WebhookEventType)
  .min(1, "must list at least one event type")
  .max(50, "must list at most 50 event types");

export const WebhookInput = z
  .strictObject({
    url: WebhookUrl,
    events: EventTypes,
    description: Description.default(""),
    enabled: z.boolean().default(true),
  })
  .meta({ id: "WebhookRequest" });
export type WebhookInput = z.infer<typeof WebhookInput>;

/** Fields left out keep their value. */
export const WebhookChanges = z
  .strictObject({
    url: WebhookUrl.optional(),
    events: EventTypes.optional(),
    description: Description.optional(),
    enabled: z.boolean().optional(),
  })
  .meta({ id: "WebhookChanges" });
export type WebhookChanges = z.infer<typeof WebhookChanges>;

export const SecretRotation = z
  .strictObject({
    previousSecretExpiresInSeconds: z
      .number()
      .int()
      .min(0)
      .max(
        webhookLimits.previousSecretSeconds,
        `must be at most ${webhookLimits.previousSecretSeconds} (a week)`,
      )
      .default(defaultPreviousSecretSeconds)
      .meta({
        description:
          "How long deliveries stay signed with the old secret as well (a day when left out); 0 drops it at once.",
      }),
  })
  .nullish();

export const Webhook = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    events: z.array(WebhookEventType),
    enabled: z.boolean(),
    /** The end of the signing secret, to tell which one a receiver holds; the secret itself is shown once. */
    secretHint: z.string(),
    /** Until then, deliveries are signed with the secret before the last rotation too. */
    previousSecretExpiresAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Webhook" });
export type Webhook = z.infer<typeof Webhook>;

/** Creating a subscription and rotating its secret are the only answers that carry the secret. */
export const WebhookWithSecret = Webhook.extend({
  secret: z.string().meta({ description: "The signing secret. Shown this once: store it now." }),
}).meta({ id: "WebhookWithSecret" });
export type WebhookWithSecret = z.infer<typeof WebhookWithSecret>;

export const DeliveryStatus = z.enum(["pending", "succeeded", "failed", "cancelled"]);

export const WebhookDelivery = z
  .object({
    id: z.string(),
    webhookId: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    conversationId: z.string().nullable(),
    status: DeliveryStatus,
    attemptCount: z.number().int(),
    lastResponseStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .meta({ id: "WebhookDelivery" });
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryAttempt = z
  .object({
    number: z.number().int(),
    url: z.string(),
    startedAt: z.string(),
    durationMilliseconds: z.number().int(),
    responseStatus: z.number().int().nullable(),
    responseBody: z.string().nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: "WebhookDeliveryAttempt" });
export type WebhookDeliveryAttempt = z.infer<typeof WebhookDeliveryAttempt>;

export const WebhookDeliveryDetail = WebhookDelivery.extend({
  /** The JSON body each attempt sent. */
  payload: z.record(z.string(), z.unknown()),
  attempts: z.array(WebhookDeliveryAttempt),
  /** When a pending delivery is tried next, as the job queue has it; null otherwise. */
  nextAttemptAt: z.string().nullable(),
}).meta({ id: "WebhookDeliveryDetail" });
export type WebhookDeliveryDetail = z.infer<typeof WebhookDeliveryDetail>;
