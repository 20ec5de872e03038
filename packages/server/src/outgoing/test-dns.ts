import type { LookupAddress } from "node:dns";
import type { ResolveHost } from "./guarded-fetch.ts";

/**
 * A DNS the test controls, for the outgoing client's `resolveHost`: each name answers what the map
 * holds at the moment of the lookup, so a test can change a name's address between saving a URL
 * and connecting to it, as DNS rebinding does. Names not in the map are unknown.
 */
export function testDns(answers: Map<string, string[]>): ResolveHost {
  return async (hostname: string): Promise<LookupAddress[]> => {
    const addresses = answers.get(hostname);
    if (!addresses) {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    }
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
}

/** A public address (example.com's) for names that must pass while a URL is saved; never reached. */
export const publicAddress = "93.184.215.14";
