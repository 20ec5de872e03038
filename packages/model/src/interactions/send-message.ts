import { z } from "zod";
import { Identifier, TextTemplate } from "../identifiers.ts";

/** Attachments travel on WhatsApp only, in the formats WhatsApp accepts for this use (spec 04). */
export const attachmentMediaTypes = ["image/jpeg", "image/png", "video/mp4"] as const;

export const Attachment = z
  .object({
    url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
    mediaType: z.enum(attachmentMediaTypes),
    name: z.string().max(255).optional(),
  })
  .meta({ id: "Attachment" });
export type Attachment = z.infer<typeof Attachment>;

export const SendMessage = z
  .object({
    id: Identifier,
    kind: z.literal("send_message"),
    text: TextTemplate,
    attachments: z.array(Attachment).max(10).optional(),
  })
  .meta({ id: "SendMessage", description: "Sends a message and moves on to the next interaction." });
export type SendMessage = z.infer<typeof SendMessage>;
