/**
 * The one HTTP client for requests the server makes on an organization's behalf (webhooks, the
 * language model's endpoint, and whatever comes next): it connects only to public addresses, or
 * to the hosts the operator allows. The address is checked when the connection is made, after
 * DNS, so a name that resolves to a public address when the URL is saved and to 127.0.0.1 later
 * (DNS rebinding) is still refused.
 */
import { promises as dns, type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { Agent, buildConnector, fetch as undiciFetch } from "undici";
import { canonicalHostOf, literalAddressOf, OutgoingPolicy } from "./address-policy.ts";

/** Every address a host name resolves to; node:dns by default, a fake in tests. */
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

export interface OutgoingClientOptions {
  /** Host names, IP addresses or CIDR ranges that may be reached though not public (config.ts). */
  allowedHosts?: readonly string[] | undefined;
  resolveHost?: ResolveHost | undefined;
}

/** The connection was not made: the address is not public and the operator did not allow it. */
export class OutgoingRequestRefused extends Error {
  override name = "OutgoingRequestRefused";
  readonly code = "ERR_OUTGOING_ADDRESS_REFUSED";
}

export interface OutgoingClient {
  /** fetch, through the guarded connections. Takes a URL, not a Request object. */
  fetch: typeof globalThis.fetch;
  /**
   * Why a URL would be refused, judged now, to tell an admin while saving it; null when it may be
   * reached as far as can be told (an unknown or slow name is left to the connection's check).
   */
  refusalOf(url: string): Promise<string | null>;
  close(): Promise<void>;
}

/** How long saving a URL waits for DNS before leaving the check to the connection. */
const resolveTimeoutMilliseconds = 2_000;

const systemResolveHost: ResolveHost = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/** A lookup for net.connect that hands it only the addresses the policy allows. */
function guardedLookup(policy: OutgoingPolicy, resolveHost: ResolveHost): LookupFunction {
  return (hostname, options, callback) => {
    resolveHost(hostname).then(
      (addresses) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const candidates = addresses.filter((each) => family === 0 || each.family === family);
        const usable = candidates.filter((each) => policy.refusal(hostname, each.address) === null);
        const first = usable[0];
        if (!first) {
          const reason = candidates[0] ? policy.refusal(hostname, candidates[0].address) : null;
          const error = reason
            ? new OutgoingRequestRefused(`refused to connect: ${reason}`)
            : Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" });
          callback(error, "", 0);
          return;
        }
        if (options.all) callback(null, usable);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
}

function hostOf(url: string): string | null {
  try {
    return canonicalHostOf(new URL(url));
  } catch {
    return null;
  }
}

async function resolveWithin(resolveHost: ResolveHost, host: string): Promise<LookupAddress[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<LookupAddress[]>((resolve) => {
    timer = setTimeout(() => resolve([]), resolveTimeoutMilliseconds);
  });
  try {
    return await Promise.race([resolveHost(host).catch(() => []), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function createOutgoingClient(options: OutgoingClientOptions = {}): OutgoingClient {
  const policy = new OutgoingPolicy(options.allowedHosts ?? []);
  const resolveHost = options.resolveHost ?? systemResolveHost;
  const connect = buildConnector({ lookup: guardedLookup(policy, resolveHost) });
  const agent = new Agent({
    connect(connectOptions, callback) {
      // net.connect skips the lookup for an IP address, so those are checked here.
      const { hostname } = connectOptions;
      const refusal = isIP(hostname) ? policy.refusal(hostname, hostname) : null;
      if (refusal) callback(new OutgoingRequestRefused(`refused to connect: ${refusal}`), null);
      else connect(connectOptions, callback);
    },
  });

  const guardedFetch = (input: Parameters<typeof globalThis.fetch>[0], init?: RequestInit) => {
    if (input instanceof Request) {
      throw new TypeError("the outgoing client's fetch takes a URL and its init, not a Request");
    }
    // undici's own fetch, so the dispatcher and the fetch are of one version; the types differ
    // from the global ones only in name.
    return undiciFetch(input, { ...init, dispatcher: agent } as Parameters<typeof undiciFetch>[1]);
  };

  return {
    fetch: guardedFetch as unknown as typeof globalThis.fetch,
    async refusalOf(url) {
      const host = hostOf(url);
      if (host === null) return null;
      const literal = literalAddressOf(host.includes(":") ? `[${host}]` : host);
      if (literal !== null) return policy.refusal(literal, literal);
      if (policy.allowsName(host)) return null;
      const addresses = await resolveWithin(resolveHost, host);
      const refusals = addresses.map((each) => policy.refusal(host, each.address));
      if (refusals.length === 0 || refusals.some((refusal) => refusal === null)) return null;
      return refusals[0] ?? null;
    },
    close: () => agent.close(),
  };
}
