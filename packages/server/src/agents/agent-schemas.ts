import {
  AttachmentMessageSchema,
  AttachmentReferenceSchema,
  CustomerAttachmentsSchema,
  TranscriptMessageBodySchema,
} from "@parley/engine";
import { z } from "zod";
import { TranscriptMessage } from "../channels/web-chat/web-chat-schemas.ts";
import { ListQuery } from "../data/pagination.ts";
import { servedAsStored } from "../http/served-as-stored.ts";

export const maximumReplyLength = 4096;

/** Query switches are the strings "true" and "false": anything else is a 400, not a silent false. */
const QuerySwitch = z.enum(["true", "false"]);

export const ConversationListQuery = ListQuery.extend({
  status: z.enum(["open", "transferred", "ended"]).optional(),
  queue: QuerySwitch.optional(),
  teamId: z.uuid().optional(),
  assignedAgentId: z.uuid().optional(),
  unassigned: QuerySwitch.optional(),
  brandId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  includePreview: QuerySwitch.optional(),
})
  .refine((query) => query.queue !== "true" || query.status === undefined || query.status === "transferred", {
    message: "queue=true lists transferred conversations; leave status out or make it transferred",
    path: ["status"],
  })
  .refine((query) => query.unassigned === undefined || query.assignedAgentId === undefined, {
    message: "give either assignedAgentId or unassigned, not both",
    path: ["unassigned"],
  });
export type ConversationListQuery = z.infer<typeof ConversationListQuery>;

/** Not z.uuid(): a malformed id gets the same 404 as another organization's, so ids reveal nothing. */
export const ConversationParams = z.object({ id: z.string().max(64) });

export const IdempotencyHeaders = z.looseObject({
  "idempotency-key": z
    .string()
    .min(1)
    .max(128)
    .optional()
    .describe("Send the same key again to retry safely: the action happens once"),
});

export const AssignRequest = z
  .strictObject({
    agentId: z.uuid().optional().describe("A user of the organization; a signed-in user may leave it out"),
  })
  // Fastify hands a request without a body over as null; no body means no fields.
  .nullish();

export const ReplyRequest = z.strictObject({
  text: z.string().trim().min(1).max(maximumReplyLength, `must be at most ${maximumReplyLength} characters`),
  agentId: z.uuid().optional().describe("Who replies: required with an API key, yourself with a session"),
});

export const DoneRequest = z
  .strictObject({ agentId: z.uuid().optional().describe("Who marked it done; yourself with a session") })
  .nullish();

export const TypingRequest = z.strictObject({ active: z.boolean() });

const LastMessage = z.object({
  sequence: z.number().int(),
  author: z.enum(["customer", "assistant", "agent", "system"]),
  text: z.string(),
  createdAt: z.string(),
});

export const ConversationItem = z
  .object({
    id: z.string(),
    brandId: z.string().nullable(),
    channel: z.string(),
    status: z.enum(["open", "transferred", "ended"]),
    assistantStatus: z.string().nullable(),
    teamId: z.string().nullable(),
    assignedAgentId: z.string().nullable(),
    customerId: z.string().nullable(),
    language: z.string(),
    preview: z.boolean(),
    startedAt: z.string(),
    transferredAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    lastMessage: LastMessage.nullable(),
    firstAgentReplyAt: z.string().nullable(),
    waitingSeconds: z
      .number()
      .int()
      .nullable()
      .describe("From the transfer to the first agent reply, or until now (or the end) while none came"),
  })
  .meta({ id: "AgentConversation" });
export type ConversationItem = z.infer<typeof ConversationItem>;

const ConversationDetail = ConversationItem.extend({
  assistantId: z.string().nullable(),
  assistantVersion: z.number().int().nullable(),
  ruleId: z.string().nullable(),
  session: z.record(z.string(), z.unknown()),
  routing: z.record(z.string(), z.unknown()).nullable(),
  lastSequence: z.number().int(),
  updatedAt: z.string(),
}).meta({ id: "AgentConversationDetail" });

const CustomerSummary = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  defaultLanguage: z.string().nullable(),
  companyId: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
});

export const ActivityEntry = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    data: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
  })
  .meta({ id: "ConversationActivity" });

export const Rating = z
  .object({
    scale: z.number().int(),
    value: z.number().int(),
    comment: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "ConversationRating" });

/** A customer can attach a link to anywhere and call it "invoice.pdf": agents are told where it leads. */
const LinkedAttachment = AttachmentReferenceSchema.extend({
  host: z.string().nullable().describe("The link's host (and port); null when it is not a URL at all."),
  external: z.boolean().describe("False only for a file stored by this server."),
});
export type LinkedAttachment = z.infer<typeof LinkedAttachment>;

/** Message bodies as agents get them: the engine's contract, with each attachment's link explained. */
const AgentMessageBodySchema = z.union([
  ...TranscriptMessageBodySchema.options.filter(
    (body): body is Exclude<typeof body, typeof AttachmentMessageSchema | typeof CustomerAttachmentsSchema> =>
      body.shape.kind.value !== "attachment",
  ),
  AttachmentMessageSchema.extend({ attachment: LinkedAttachment }).describe("A file the assistant sent."),
  CustomerAttachmentsSchema.extend({ attachments: z.array(LinkedAttachment) }).describe(
    "Files the customer attached.",
  ),
]);
export type AgentMessageBody = z.infer<typeof AgentMessageBodySchema>;

export const AgentTranscriptMessage = TranscriptMessage.extend({
  body: servedAsStored(AgentMessageBodySchema, {
    id: "AgentMessageBody",
    description:
      "What a message says, by `kind`, as in MessageBody; each attachment also says where its link leads.",
  }),
}).meta({ id: "AgentTranscriptMessage" });
export type AgentTranscriptMessage = z.infer<typeof AgentTranscriptMessage>;

export const Timeline = z
  .object({
    conversation: ConversationDetail,
    attributes: z.object({
      conversation: z.record(z.string(), z.unknown()),
      customer: z.record(z.string(), z.unknown()),
    }),
    customer: CustomerSummary.nullable(),
    messages: z.array(AgentTranscriptMessage),
    activity: z.array(ActivityEntry),
    rating: Rating.nullable(),
  })
  .meta({ id: "AgentConversationTimeline" });

export const ConversationResponse = z.object({ conversation: ConversationItem });

export const ReplyResponse = z.object({
  sequence: z.number().int().nullable(),
  duplicate: z.boolean(),
  conversation: ConversationItem,
});
