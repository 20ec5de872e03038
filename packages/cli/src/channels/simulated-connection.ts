import { callApi, ServerError, type ServerOptions } from "../api-client.ts";
import { CliError, exitCodes } from "../exit-codes.ts";
import {
  newConnectionSecrets,
  type SimulatedConnection,
  type SimulatedKind,
  type SimulatedProvider,
} from "./customer-webhooks.ts";

/** The part of the API's ChannelConnection the simulator reads. */
interface CreatedConnection {
  id: string;
  channel: string;
  webhookUrl: string;
}

export interface CreatedSimulation {
  id: string;
  channel: string;
  connection: SimulatedConnection;
}

/**
 * The server refuses a connection whose API address is not public unless its operator allows
 * the host; this is the one setting that must change, so say it whole.
 */
function refusedAddressError(error: ServerError, apiBaseUrl: string): CliError | null {
  const refusal = error.problems.find(
    (problem) => problem.path === "/apiBaseUrl" && problem.code === "address_not_allowed",
  );
  if (!refusal) return null;
  return new CliError(
    [
      `the server will not send to the simulator's stand-in at ${apiBaseUrl}: ${refusal.message}`,
      "Restart the server with the loopback address allowed, for example:",
      "  PARLEY_ALLOWED_OUTGOING_HOSTS=127.0.0.1 parley serve",
      "(add 127.0.0.1 to the list if PARLEY_ALLOWED_OUTGOING_HOSTS is already set), then run this command again.",
    ].join("\n"),
    exitCodes.failure,
  );
}

/** Creates a throw-away connection whose API is the stand-in, with credentials made up here. */
export async function createSimulatedConnection(
  server: ServerOptions,
  settings: {
    provider: SimulatedProvider;
    kind: SimulatedKind;
    brandId?: string;
    customer: string;
    apiBaseUrl: string;
  },
): Promise<CreatedSimulation> {
  const { address, credentials } = newConnectionSecrets(settings.provider);
  let created: CreatedConnection;
  try {
    const response = await callApi<CreatedConnection>(server, "POST", "/v1/channel-connections", {
      name: `Simulator (${settings.provider} ${settings.kind}, ${settings.customer})`,
      ...(settings.brandId ? { brandId: settings.brandId } : {}),
      provider: settings.provider,
      kind: settings.kind,
      address,
      credentials,
      apiBaseUrl: settings.apiBaseUrl,
    });
    created = response.body;
  } catch (error) {
    if (error instanceof ServerError) {
      const refused = refusedAddressError(error, settings.apiBaseUrl);
      if (refused) throw refused;
      const problems = error.problems.map((problem) => `\n  ${problem.path} ${problem.message}`).join("");
      const hint =
        error.status === 401 || error.status === 403
          ? "\nUse an admin API key of the organization (scope org.admin.apps.write): --key or PARLEY_API_KEY."
          : "";
      throw new CliError(
        `cannot create the simulated connection: ${error.message}${problems}${hint}`,
        error.exitCode,
      );
    }
    throw error;
  }
  return {
    id: created.id,
    channel: created.channel,
    connection: {
      provider: settings.provider,
      kind: settings.kind,
      address,
      credentials,
      webhookUrl: created.webhookUrl,
    },
  };
}

/** Removes the connection; a failure is reported, since the person may want to delete it by hand. */
export async function deleteSimulatedConnection(server: ServerOptions, id: string): Promise<string | null> {
  try {
    await callApi(server, "DELETE", `/v1/channel-connections/${encodeURIComponent(id)}`);
    return null;
  } catch (error) {
    return `could not delete the simulated connection ${id}: ${error instanceof Error ? error.message : String(error)}; delete it with DELETE /v1/channel-connections/${id}`;
  }
}
