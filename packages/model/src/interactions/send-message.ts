import { z } from "zod";
import { Identifier, TextTemplate } from "../identifiers.ts";
import {
  defineInteraction,
  everyAssistantType,
  everyChannelButVoice,
  inDialogsBranchesAndSchedules,
  neverWaits,
} from "./definition.ts";

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

const description = "Sends a message and moves on to the next interaction.";

export const SendMessage = z
  .object({
    id: Identifier,
    kind: z.literal("send_message"),
    text: TextTemplate,
    attachments: z.array(Attachment).max(10).optional(),
  })
  .meta({ id: "SendMessage", description });
export type SendMessage = z.infer<typeof SendMessage>;

export const sendMessageDefinition = defineInteraction<SendMessage>({
  kind: "send_message",
  schema: SendMessage,
  label: "Send message",
  alsoKnownAs: ["Send a Message"],
  description,
  end: false,
  availability: {
    channels: everyChannelButVoice,
    assistantTypes: everyAssistantType,
    positions: inDialogsBranchesAndSchedules,
  },
  waitsForCustomer: neverWaits,
  nestedPaths: [],
  references: [],
  textTemplateFields: ["text"],
  optionIds: [],
  fields: [
    { key: "text", label: "Message", kind: "text_template", required: true },
    {
      key: "attachments",
      label: "Attachments",
      kind: "list",
      required: false,
      description: "WhatsApp only: JPEG, PNG or MP4 files.",
      items: [
        { key: "url", label: "File address", kind: "url", required: true },
        { key: "mediaType", label: "Format", kind: "choice", required: true, choices: attachmentMediaTypes },
        { key: "name", label: "File name", kind: "text", required: false },
      ],
    },
  ],
});
