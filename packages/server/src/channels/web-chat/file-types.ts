/** What customers may attach: uploaded here, or linked from elsewhere. */
export const attachableMediaTypes = [
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "application/pdf",
  "text/plain",
] as const;
export type AttachableMediaType = (typeof attachableMediaTypes)[number];

/** How to recognise each type by its first bytes. */
const signatures: Record<AttachableMediaType, (bytes: Buffer) => boolean> = {
  "image/png": (bytes) =>
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  "image/jpeg": (bytes) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff,
  "image/gif": (bytes) => bytes.subarray(0, 4).toString("latin1") === "GIF8",
  "image/webp": (bytes) =>
    bytes.subarray(0, 4).toString("latin1") === "RIFF" && bytes.subarray(8, 12).toString("latin1") === "WEBP",
  "application/pdf": (bytes) => bytes.subarray(0, 5).toString("latin1") === "%PDF-",
  "text/plain": (bytes) => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      return !bytes.includes(0);
    } catch {
      return false;
    }
  },
};

export const maximumFileBytes = 10 * 1024 * 1024;

/** Whether the content is what its media type says: a page cannot pass an HTML file off as an image. */
export function contentMatches(mediaType: string, content: Buffer): boolean {
  return signatures[mediaType as AttachableMediaType]?.(content) ?? false;
}

/** Images and PDFs open in the browser; the rest downloads. */
export function shownInline(mediaType: string): boolean {
  return mediaType.startsWith("image/") || mediaType === "application/pdf";
}

/**
 * Bidirectional formatting characters (embeddings, overrides, isolates and marks): in a name they
 * can show `invoice\u202Egnp.exe` as "invoiceexe.png", so a file seems to be what it is not.
 */
const bidirectionalControls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

export function withoutBidirectionalControls(text: string): string {
  return text.replace(bidirectionalControls, "");
}
