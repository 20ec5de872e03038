/**
 * What a customer may attach, checked before uploading so a wrong file costs
 * no upload. The server has the last word (it also checks the content); these
 * mirror its rules in packages/server/src/channels/web-chat/file-types.ts.
 */

export const attachableMediaTypes = [
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "application/pdf",
  "text/plain",
];
/** 10 MiB, the server's limit. */
export const maximumFileBytes = 10 * 1024 * 1024;

/** Browsers leave the type empty when the system does not know the extension; the name still tells. */
const mediaTypesByExtension: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  pdf: "application/pdf",
  txt: "text/plain",
};

/** The reasons a file is refused, named as the widget's strings that explain them. */
export type FileProblem =
  | "fileTypeNotAccepted"
  | "fileTooLarge"
  | "fileEmpty"
  | "fileUnreadable"
  | "tooManyFiles"
  | "tooManyMessages"
  | "uploadFailed"
  | "unavailable";

export type FileCheck = { mediaType: string; problem: null } | { mediaType: null; problem: FileProblem };

/** The part of a `File` that is checked, so tests can pass a plain object. */
export interface FileFacts {
  name: string;
  type: string;
  size: number;
}

function mediaTypeOf(file: FileFacts): string {
  const declared = file.type.split(";")[0]?.trim().toLowerCase() ?? "";
  if (declared) return declared === "image/jpg" ? "image/jpeg" : declared;
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? "";
  return mediaTypesByExtension[extension] ?? "";
}

/** The media type to upload the file as, or why it cannot be attached. */
export function checkFile(file: FileFacts): FileCheck {
  const mediaType = mediaTypeOf(file);
  if (!attachableMediaTypes.includes(mediaType)) return { mediaType: null, problem: "fileTypeNotAccepted" };
  if (file.size > maximumFileBytes) return { mediaType: null, problem: "fileTooLarge" };
  if (file.size === 0) return { mediaType: null, problem: "fileEmpty" };
  return { mediaType, problem: null };
}

/** What a refused upload means to the customer, by the answer's status (0: no answer at all). */
export function uploadProblem(status: number): FileProblem {
  switch (status) {
    case 0:
      return "uploadFailed";
    case 413:
      return "fileTooLarge";
    // The server read the content and it is not what the type says: a renamed file, or text not in UTF-8.
    case 415:
      return "fileUnreadable";
    case 422:
      return "tooManyFiles";
    case 429:
      return "tooManyMessages";
    default:
      return "unavailable";
  }
}
