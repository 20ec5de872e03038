import { TranscriptMessageBodySchema } from "@parley/engine";
import { z } from "zod";
import { servedAsStored } from "../../http/served-as-stored.ts";
import { attachableMediaTypes } from "./file-types.ts";

export const maximumMessageLength = 4096;

export const Session = z
  .object({
    currentPage: z.string().max(4096).optional(),
    previousPage: z.string().max(4096).optional(),
    language: z.string().max(64).optional(),
    timeOnPage: z.number().min(0).max(31_536_000).optional(),
    userAgent: z.string().max(1024).optional(),
  })
  .strict()
  .default({});

const CustomerToken = z.string().min(1).max(8192);

/** Starting a conversation, and asking whether a proactive rule opens one, take the same body. */
export const StartRequest = z
  .object({ brandId: z.uuid(), session: Session, customerToken: CustomerToken.optional() })
  .strict()
  .meta({ id: "WebChatStartRequest" });

export const IdentifyRequest = z.object({ customerToken: CustomerToken }).strict();

const Attachment = z
  .object({
    url: z.url({ protocol: /^https?$/ }).max(2048),
    // What the widget takes for uploads, also for links elsewhere: an agent's browser opens them.
    mediaType: z.enum(attachableMediaTypes),
    name: z.string().max(255).optional(),
  })
  .strict();

export const SendRequest = z
  .object({
    clientMessageId: z.string().min(1).max(64),
    text: z
      .string()
      .min(1)
      .max(maximumMessageLength, `must be at most ${maximumMessageLength} characters`)
      .optional(),
    optionId: z.string().min(1).max(128).optional(),
    attachments: z.array(Attachment).min(1).max(10).optional(),
  })
  .strict()
  .refine(
    (body) => [body.text, body.optionId, body.attachments].filter((part) => part !== undefined).length === 1,
    {
      message: "send exactly one of text, optionId or attachments",
      path: [],
    },
  )
  .meta({ id: "WebChatSendRequest" });

export const TypingRequest = z.object({ active: z.boolean() }).strict();

export const RatingRequest = z
  .object({
    scale: z.union([z.literal(2), z.literal(3), z.literal(5)]),
    value: z.number().int().min(1),
    comment: z.string().max(2000).optional(),
  })
  .strict()
  .refine((body) => body.value <= body.scale, { message: "must not exceed the scale", path: ["value"] });

export const MessagesQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const SocketQuery = z.object({
  token: z.string().min(1).max(256),
  after: z.coerce.number().int().min(0).default(0),
});

export const ConversationParams = z.object({ id: z.string().max(64) });
export const BrandParams = z.object({ brandId: z.string().max(64) });

export const MessageBody = servedAsStored(TranscriptMessageBodySchema, {
  id: "MessageBody",
  description:
    "What a message says, by `kind`: the customer's and agents' words, the assistant's messages, system events.",
});

export const TranscriptMessage = z
  .object({
    sequence: z.number().int(),
    author: z.enum(["customer", "assistant", "agent", "system"]),
    authorId: z.string().nullable(),
    body: MessageBody,
    createdAt: z.string(),
  })
  .meta({ id: "TranscriptMessage" });

export const PublicConversation = z
  .object({
    id: z.string(),
    status: z.enum(["open", "transferred", "ended"]),
    assistantStatus: z.string().nullable(),
    language: z.string(),
    assistant: z.object({ publicName: z.string() }).nullable(),
    lastSequence: z.number().int(),
  })
  .meta({ id: "WebChatConversation" });

export const StartedResponse = z
  .object({
    conversation: PublicConversation,
    visitorToken: z.string(),
    messages: z.array(TranscriptMessage),
  })
  .meta({ id: "WebChatStarted" });
