import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { lockSubject } from "../../data/locks.ts";
import type { Database, Executor } from "../../database/connection.ts";
import { conversationFiles } from "../../database/schema/index.ts";
import { ApiError } from "../../http/errors.ts";

const mebibyte = 1024 * 1024;

/** Where stored files are served: a stored file's URL is this followed by its id. */
export const storedFilesPath = "/v1/web-chat/files/";

/** How much customers may upload, and how long a file no message refers to is kept (config.ts). */
export interface FileLimits {
  filesPerConversation: number;
  bytesPerConversation: number;
  bytesPerOrganization: number;
  unattachedHours: number;
}

export const defaultFileLimits: FileLimits = {
  filesPerConversation: 50,
  bytesPerConversation: 50 * mebibyte,
  bytesPerOrganization: 5 * 1024 * mebibyte,
  unattachedHours: 24,
};

export interface NewFile {
  organizationId: string;
  conversationId: string;
  name: string;
  mediaType: string;
  content: Buffer;
  createdAt: Date;
}

interface StorageUsage {
  files: number;
  conversationBytes: number;
  organizationBytes: number;
}

async function storageUsage(
  executor: Executor,
  organizationId: string,
  conversationId: string,
): Promise<StorageUsage> {
  const inConversation = sql`${conversationFiles.conversationId} = ${conversationId}`;
  const [usage] = await executor
    .select({
      files: sql`count(*) FILTER (WHERE ${inConversation})`.mapWith(Number),
      conversationBytes:
        sql`coalesce(sum(${conversationFiles.size}) FILTER (WHERE ${inConversation}), 0)`.mapWith(Number),
      organizationBytes: sql`coalesce(sum(${conversationFiles.size}), 0)`.mapWith(Number),
    })
    .from(conversationFiles)
    .where(eq(conversationFiles.organizationId, organizationId));
  return usage ?? { files: 0, conversationBytes: 0, organizationBytes: 0 };
}

function storageFull(message: string, limit: number, what: string): ApiError {
  return new ApiError(422, "limit_reached", message, {
    problems: [{ path: "", code: "storage_limit_reached", message: `at most ${limit} bytes ${what}`, limit }],
  });
}

/** The first limit this file would break, if any. */
function brokenLimit(usage: StorageUsage, size: number, limits: FileLimits): ApiError | null {
  if (usage.files >= limits.filesPerConversation) {
    return new ApiError(
      422,
      "limit_reached",
      `A conversation can have at most ${limits.filesPerConversation} files.`,
      {
        problems: [
          { path: "", code: "limit_reached", message: "too many files", limit: limits.filesPerConversation },
        ],
      },
    );
  }
  if (usage.conversationBytes + size > limits.bytesPerConversation) {
    return storageFull(
      `A conversation can hold at most ${limits.bytesPerConversation} bytes of files; this one has ${usage.conversationBytes}.`,
      limits.bytesPerConversation,
      "of files in a conversation",
    );
  }
  if (usage.organizationBytes + size > limits.bytesPerOrganization) {
    return storageFull(
      `The organization's file storage is full (at most ${limits.bytesPerOrganization} bytes).`,
      limits.bytesPerOrganization,
      "of files in an organization",
    );
  }
  return null;
}

/**
 * Stores an uploaded file if it keeps its conversation and organization within their limits. The
 * check and the insert hold the organization's lock, so concurrent uploads are counted one after
 * the other and never store more than the limits together.
 */
export async function storeFile(database: Database, file: NewFile, limits: FileLimits): Promise<string> {
  return database.transaction(async (transaction) => {
    await lockSubject(transaction, file.organizationId, "conversation-files");
    const usage = await storageUsage(transaction, file.organizationId, file.conversationId);
    const broken = brokenLimit(usage, file.content.length, limits);
    if (broken) throw broken;
    const id = randomBytes(24).toString("base64url");
    await transaction.insert(conversationFiles).values({
      id,
      organizationId: file.organizationId,
      conversationId: file.conversationId,
      name: file.name,
      mediaType: file.mediaType,
      size: file.content.length,
      content: file.content,
      createdAt: file.createdAt,
    });
    return id;
  });
}
