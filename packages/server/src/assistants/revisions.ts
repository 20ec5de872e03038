import { ApiError } from "../http/errors.ts";
import { type AssistantRow, detailOf } from "./representation.ts";

/** The draft revision as an HTTP entity tag. */
export function entityTag(revision: number): string {
  return `"${revision}"`;
}

/**
 * The revisions an `If-Match` header accepts: `"3"`, `W/"3"`, a bare `3`, a
 * comma-separated list of those, or `*` for any. Undefined when the header is
 * absent, which means the caller does not ask for the check.
 */
export function parseIfMatch(header: string | undefined): "any" | number[] | undefined {
  if (header === undefined) return undefined;
  const tags = header
    .split(",")
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "");
  if (tags.includes("*")) return "any";
  const revisions: number[] = [];
  for (const tag of tags) {
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(tag);
    if (!match?.[1]) {
      throw new ApiError(400, "invalid_request", 'If-Match must be the ETag of the draft, such as "3".', {
        problems: [
          { in: "headers", path: "/if-match", code: "invalid_format", message: `${tag} is not a revision` },
        ],
      });
    }
    revisions.push(Number(match[1]));
  }
  return revisions;
}

/**
 * Refuses a write based on a draft that has changed since the caller read it.
 * The 409 carries the current assistant, so an editor can merge without
 * another round trip.
 */
export function requireRevision(row: AssistantRow, ifMatch: string | undefined): void {
  const accepted = parseIfMatch(ifMatch);
  if (accepted === undefined || accepted === "any" || accepted.includes(row.draftRevision)) return;
  throw new ApiError(
    409,
    "stale_revision",
    `The draft has changed since revision ${accepted.join(", ")}: it is now at revision ${row.draftRevision}. Reload it, apply your changes again, and send If-Match: ${entityTag(row.draftRevision)}.`,
    { extra: { current: detailOf(row) } },
  );
}
