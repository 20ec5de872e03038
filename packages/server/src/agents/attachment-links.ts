import type { AttachmentReference } from "@parley/engine";
import { storedFilesPath } from "../channels/web-chat/file-storage.ts";
import type { TranscriptMessage } from "../conversations/domain-events.ts";
import type { AgentTranscriptMessage, LinkedAttachment } from "./agent-schemas.ts";

/** Where an attachment's link leads, as agents are shown it. */
export interface AttachmentLink {
  /** The host (and port) of the link, null when it is not a URL at all. */
  host: string | null;
  /** False only for a file stored by this server; anything else the customer linked is elsewhere. */
  external: boolean;
}

/** The origins of these addresses as URL writes them (no default port), to compare with links' own. */
export function originsOf(addresses: ReadonlyArray<string | undefined>): string[] {
  return addresses.flatMap((address) =>
    address !== undefined && URL.canParse(address) ? [new URL(address).origin] : [],
  );
}

const storedFilePattern = new RegExp(`^${storedFilesPath}[A-Za-z0-9_-]+$`);

/**
 * A customer can attach a link to anywhere and call it "invoice.pdf". `ownOrigins` are the origins
 * this server is reached at (its public URL, and the one the agent used); a link whose host is
 * not one of them is external, whatever its path says.
 */
export function attachmentLink(url: unknown, ownOrigins: readonly string[]): AttachmentLink {
  if (typeof url !== "string" || !URL.canParse(url)) return { host: null, external: true };
  const parsed = new URL(url);
  const stored = ownOrigins.includes(parsed.origin) && storedFilePattern.test(parsed.pathname);
  return { host: parsed.host, external: !stored };
}

function withLink(attachment: AttachmentReference, ownOrigins: readonly string[]): LinkedAttachment {
  return { ...attachment, ...attachmentLink(attachment.url, ownOrigins) };
}

/** The message with `host` and `external` on each attachment (customers send a list, assistants one). */
export function withAttachmentLinks(
  message: TranscriptMessage,
  ownOrigins: readonly string[],
): AgentTranscriptMessage {
  const { body } = message;
  if (body.kind !== "attachment") return { ...message, body };
  const linked =
    "attachments" in body
      ? { ...body, attachments: body.attachments.map((attachment) => withLink(attachment, ownOrigins)) }
      : { ...body, attachment: withLink(body.attachment, ownOrigins) };
  return { ...message, body: linked };
}
