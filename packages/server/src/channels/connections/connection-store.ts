import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { type CredentialCipher, openCredential } from "../../credentials/credential-cipher.ts";
import { brokenUniqueConstraint } from "../../data/unique-violation.ts";
import type { Executor } from "../../database/connection.ts";
import { channelConnections } from "../../database/schema/index.ts";
import { ApiError, notFound, type ProblemDetail } from "../../http/errors.ts";
import { messagingAdapters } from "../messaging/adapters.ts";
import type { ConnectionForAdapter } from "../messaging/messaging-adapter.ts";
import {
  addressRules,
  type ChannelConnection,
  type ChannelConnectionInput,
  type ChannelConnectionPatch,
} from "./connection-schemas.ts";

export type ConnectionRow = typeof channelConnections.$inferSelect;

/** At most this many connections per organization: numbers are bought one by one, this is plenty. */
export const maxConnectionsPerOrganization = 100;

/** Sealed credentials open only on the row they were sealed for. */
function credentialContext(organizationId: string, connectionId: string): string {
  return `channel_connections.credentials:${organizationId}:${connectionId}`;
}

function problem(path: string, code: string, message: string): ProblemDetail {
  return { in: "body", path, code, message };
}

/** The checks a provider adds to the schema: its kinds, its credential names, its addresses. */
function providerProblems(
  values: Pick<ChannelConnectionInput, "provider" | "kind" | "address" | "credentials" | "whatsappTemplate">,
): ProblemDetail[] {
  const adapter = messagingAdapters[values.provider];
  const problems: ProblemDetail[] = [];
  if (!adapter.kinds.includes(values.kind)) {
    problems.push(
      problem(
        "/kind",
        "kind_not_for_provider",
        `${values.provider} carries ${adapter.kinds.join(" and ")} only`,
      ),
    );
  }
  const rule = addressRules[values.provider];
  if (!rule.schema.safeParse(values.address).success)
    problems.push(problem("/address", "invalid_address", rule.rule));
  for (const [name, label] of Object.entries(adapter.credentialNames)) {
    if (values.credentials[name] === undefined) {
      problems.push(
        problem(`/credentials/${name}`, "required", `is required: the ${label} from ${values.provider}`),
      );
    }
  }
  for (const name of Object.keys(values.credentials)) {
    if (!(name in adapter.credentialNames)) {
      const known = Object.keys(adapter.credentialNames).join(", ");
      problems.push(
        problem(
          `/credentials/${name}`,
          "unknown_credential",
          `is not a ${values.provider} credential; those are ${known}`,
        ),
      );
    }
  }
  if (values.whatsappTemplate !== null && values.provider !== "meta") {
    problems.push(
      problem(
        "/whatsappTemplate",
        "template_needs_meta",
        "only Meta's WhatsApp Cloud API connections send templates",
      ),
    );
  }
  return problems;
}

function addressTaken(): ApiError {
  return invalidConnection([
    problem("/address", "address_taken", "is already connected for this provider and kind"),
  ]);
}

/**
 * Runs a write the unique index on (organization, provider, kind, address) may refuse: a change
 * onto a number already connected, or two admins connecting one number at once, answers as the
 * check before a new connection does, not with a 500.
 */
async function withFreeAddress<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (brokenUniqueConstraint(error) === "channel_connections_address") throw addressTaken();
    throw error;
  }
}

function invalidConnection(problems: ProblemDetail[]): ApiError {
  return new ApiError(
    422,
    "invalid_channel_connection",
    `The connection cannot be saved: ${problems.length} problem(s).`,
    {
      problems,
    },
  );
}

function openCredentials(row: ConnectionRow, cipher: CredentialCipher | null): Record<string, string> {
  const plain = openCredential(row.credentials, credentialContext(row.organizationId, row.id), cipher);
  return JSON.parse(plain) as Record<string, string>;
}

/** The connection with its credentials decrypted, for an adapter and nobody else. */
export function connectionForAdapter(
  row: ConnectionRow,
  cipher: CredentialCipher | null,
): ConnectionForAdapter {
  const adapter = messagingAdapters[row.provider];
  return {
    id: row.id,
    provider: row.provider,
    kind: row.kind,
    address: row.address,
    apiBaseUrl: row.apiBaseUrl ?? adapter.defaultApiBaseUrl,
    credentials: openCredentials(row, cipher),
    whatsappTemplate: row.settings.whatsappTemplate,
  };
}

/** What the API shows: never a credential, only which are set and how each ends. */
export function connectionView(
  row: ConnectionRow,
  cipher: CredentialCipher | null,
  webhookBase: string,
): ChannelConnection {
  let credentialHints: Record<string, string> = {};
  try {
    credentialHints = Object.fromEntries(
      Object.entries(openCredentials(row, cipher)).map(([name, value]) => [name, `…${value.slice(-4)}`]),
    );
  } catch {
    // Sealed under another secret key: the admin sees none set, and saves them again.
  }
  return {
    id: row.id,
    name: row.name,
    brandId: row.brandId,
    provider: row.provider,
    kind: row.kind,
    channel: messagingAdapters[row.provider].channelOf(row.kind),
    address: row.address,
    webhookUrl: `${webhookBase}${webhookPath(row)}`,
    credentialHints,
    apiBaseUrl: row.apiBaseUrl,
    whatsappTemplate: row.settings.whatsappTemplate ?? null,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Where the provider calls for this connection: inbound messages and delivery statuses alike. */
export function webhookPath(row: Pick<ConnectionRow, "id" | "provider">): string {
  return `/v1/channels/${row.provider}/${row.id}/webhook`;
}

export async function listConnections(executor: Executor, organizationId: string): Promise<ConnectionRow[]> {
  return executor
    .select()
    .from(channelConnections)
    .where(eq(channelConnections.organizationId, organizationId))
    .orderBy(asc(channelConnections.createdAt), asc(channelConnections.id));
}

/** A connection by id, of one organization when given (a webhook does not know whose it is). */
export async function findConnection(
  executor: Executor,
  id: string,
  organizationId?: string,
): Promise<ConnectionRow | undefined> {
  const [row] = await executor
    .select()
    .from(channelConnections)
    .where(
      organizationId === undefined
        ? eq(channelConnections.id, id)
        : and(eq(channelConnections.id, id), eq(channelConnections.organizationId, organizationId)),
    );
  return row;
}

export async function createConnection(
  executor: Executor,
  cipher: CredentialCipher | null,
  organizationId: string,
  input: ChannelConnectionInput,
): Promise<ConnectionRow> {
  const problems = providerProblems(input);
  if (!cipher) problems.push(noSecretKey());
  if (problems.length > 0) throw invalidConnection(problems);
  const existing = await listConnections(executor, organizationId);
  if (existing.length >= maxConnectionsPerOrganization) {
    throw new ApiError(
      422,
      "limit_reached",
      `An organization can have at most ${maxConnectionsPerOrganization} channel connections.`,
    );
  }
  if (
    existing.some(
      (row) => row.provider === input.provider && row.kind === input.kind && row.address === input.address,
    )
  ) {
    throw addressTaken();
  }
  const id = randomUUID();
  const [row] = await withFreeAddress(() =>
    executor
      .insert(channelConnections)
      .values({
        id,
        organizationId,
        brandId: input.brandId,
        name: input.name,
        provider: input.provider,
        kind: input.kind,
        address: input.address,
        credentials: (cipher as CredentialCipher).seal(
          JSON.stringify(input.credentials),
          credentialContext(organizationId, id),
        ),
        apiBaseUrl: input.apiBaseUrl,
        settings: input.whatsappTemplate ? { whatsappTemplate: input.whatsappTemplate } : {},
        enabled: input.enabled,
      })
      .returning(),
  );
  if (!row) throw new Error("the connection was not stored");
  return row;
}

export async function updateConnection(
  executor: Executor,
  cipher: CredentialCipher | null,
  organizationId: string,
  id: string,
  patch: ChannelConnectionPatch,
): Promise<ConnectionRow> {
  const row = await findConnection(executor, id, organizationId);
  if (!row) throw notFound("Channel connection", id);
  let credentials: Record<string, string> = {};
  try {
    credentials = openCredentials(row, cipher);
  } catch {
    // Unreadable: the patch must give every credential again, which the checks below ask for.
  }
  const merged = { ...credentials, ...patch.credentials };
  const whatsappTemplate =
    patch.whatsappTemplate === undefined ? (row.settings.whatsappTemplate ?? null) : patch.whatsappTemplate;
  const values = {
    provider: row.provider,
    kind: row.kind,
    address: patch.address ?? row.address,
    credentials: merged,
    whatsappTemplate,
  };
  const problems = providerProblems(values);
  if (!cipher && patch.credentials !== undefined) problems.push(noSecretKey());
  if (problems.length > 0) throw invalidConnection(problems);
  const [updated] = await withFreeAddress(() =>
    executor
      .update(channelConnections)
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.brandId !== undefined ? { brandId: patch.brandId } : {}),
        ...(patch.address !== undefined ? { address: patch.address } : {}),
        ...(patch.apiBaseUrl !== undefined ? { apiBaseUrl: patch.apiBaseUrl } : {}),
        ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
        ...(patch.credentials !== undefined && cipher
          ? { credentials: cipher.seal(JSON.stringify(merged), credentialContext(organizationId, id)) }
          : {}),
        settings: whatsappTemplate ? { whatsappTemplate } : {},
        updatedAt: new Date(),
      })
      .where(eq(channelConnections.id, id))
      .returning(),
  );
  if (!updated) throw notFound("Channel connection", id);
  return updated;
}

export async function deleteConnection(
  executor: Executor,
  organizationId: string,
  id: string,
): Promise<void> {
  const [deleted] = await executor
    .delete(channelConnections)
    .where(and(eq(channelConnections.id, id), eq(channelConnections.organizationId, organizationId)))
    .returning({ id: channelConnections.id });
  if (!deleted) throw notFound("Channel connection", id);
}

function noSecretKey(): ProblemDetail {
  return problem(
    "/credentials",
    "no_secret_key",
    "cannot be stored: this server has no PARLEY_SECRET_KEY to encrypt them with; ask its operator to set one",
  );
}
