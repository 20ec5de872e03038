/** The media message types of MessageBird's Conversations API. */
export const mediaMessageTypes = ["image", "video", "audio", "file"] as const;
export type MediaMessageType = (typeof mediaMessageTypes)[number];

export function isMediaMessageType(type: string): type is MediaMessageType {
  return (mediaMessageTypes as readonly string[]).includes(type);
}

const mediaTypeOfExtension: Readonly<Record<string, string>> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  mp4: "video/mp4",
  "3gp": "video/3gpp",
  mp3: "audio/mpeg",
  ogg: "audio/ogg",
  opus: "audio/ogg",
  amr: "audio/amr",
  aac: "audio/aac",
  m4a: "audio/mp4",
  pdf: "application/pdf",
  txt: "text/plain",
  csv: "text/csv",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** What a wildcard says when the URL does not tell: MessageBird's inbound media carry no media type. */
const fallbackOfMessageType: Readonly<Record<MediaMessageType, string>> = {
  image: "image/*",
  video: "video/*",
  audio: "audio/*",
  file: "application/octet-stream",
};

/** The last segment of the URL's path when it looks like a file name ("invoice.pdf"). */
export function fileNameOf(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const segment = path.slice(path.lastIndexOf("/") + 1);
  let name: string;
  try {
    name = decodeURIComponent(segment);
  } catch {
    name = segment;
  }
  return /^.+\.[A-Za-z0-9]{1,8}$/.test(name) ? name : undefined;
}

/**
 * The media type of a received file. MessageBird's media URLs (media.messagebird.com/v1/media/<id>)
 * usually carry no extension, so the message type's wildcard is the common answer.
 */
export function inboundMediaTypeOf(type: MediaMessageType, name: string | undefined): string {
  const extension = name?.slice(name.lastIndexOf(".") + 1).toLowerCase();
  const known = extension === undefined ? undefined : mediaTypeOfExtension[extension];
  if (known && (type === "file" || known.startsWith(`${type}/`))) return known;
  return fallbackOfMessageType[type];
}

/**
 * The message type WhatsApp shows a file as: images only as JPEG or PNG, video as MP4 or 3GP,
 * audio in the codecs WhatsApp plays; anything else arrives as a document (`file`).
 */
export function outboundMessageTypeOf(mediaType: string): MediaMessageType {
  const type = mediaType.toLowerCase().split(";")[0]?.trim() ?? "";
  if (type === "image/jpeg" || type === "image/png") return "image";
  if (type === "video/mp4" || type === "video/3gpp") return "video";
  if (["audio/aac", "audio/mp4", "audio/mpeg", "audio/amr", "audio/ogg"].includes(type)) return "audio";
  return "file";
}
