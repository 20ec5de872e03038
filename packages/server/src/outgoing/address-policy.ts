import ipaddr from "ipaddr.js";

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * Ranges that are not the public internet, as ipaddr.js names them, in words an admin can act on.
 * Anything ipaddr.js does not call "unicast" and this does not list is refused as special-purpose.
 */
const rangeDescriptions: Record<string, string> = {
  unspecified: "an unspecified address",
  broadcast: "a broadcast address",
  multicast: "a multicast address",
  linkLocal: "a link-local address (where cloud metadata services answer)",
  loopback: "a loopback address",
  carrierGradeNat: "a shared (carrier-grade NAT) address",
  private: "a private address",
  uniqueLocal: "a private (unique local) address",
  reserved: "a reserved address",
  ipv4Compatible: "a deprecated IPv4-compatible IPv6 address",
};

/** IPv6 ranges that carry an IPv4 address the packets end up at: that one decides. */
const embeddingRanges = new Set(["ipv4Mapped", "rfc6145", "rfc6052"]);

function parseAddress(text: string): Address | null {
  const bare = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  return ipaddr.isValid(bare) ? ipaddr.parse(bare) : null;
}

function rangeOf(address: Address): string {
  if (address.kind() === "ipv4") return address.range();
  const ipv6 = address as ipaddr.IPv6;
  const range = ipv6.range();
  if (embeddingRanges.has(range)) {
    const [, , , , , , high = 0, low = 0] = ipv6.parts;
    return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]).range();
  }
  // ::a.b.c.d, which ipaddr.js counts as unicast; no one should send anything there.
  if (range === "unicast" && ipv6.parts.slice(0, 6).every((part) => part === 0)) return "ipv4Compatible";
  return range;
}

/**
 * Why an IP address is not on the public internet, or null when it is. IPv4-mapped and NAT64
 * forms are judged by the IPv4 address inside them.
 */
export function blockedRangeOf(address: string): string | null {
  const parsed = parseAddress(address);
  if (!parsed) throw new Error(`${address} is not an IP address`);
  const range = rangeOf(parsed);
  if (range === "unicast") return null;
  return rangeDescriptions[range] ?? "a special-purpose address";
}

/**
 * The IP address a URL's host names, in the canonical form fetch connects to, or null for a host
 * name. The WHATWG URL parser is the one fetch uses, so 2130706433, 0x7f.1 and 0177.0.0.1 all come
 * out as 127.0.0.1 here exactly as they would there.
 */
export function literalAddressOf(host: string): string | null {
  let hostname: string;
  try {
    hostname = new URL(`http://${host}/`).hostname;
  } catch {
    return null;
  }
  const parsed = parseAddress(hostname);
  return parsed ? parsed.toString() : null;
}

/** A URL's host as fetch sees it: lower case, IP addresses canonical and without brackets. */
export function canonicalHostOf(url: URL): string {
  const address = parseAddress(url.hostname);
  return address ? address.toString() : url.hostname.replace(/\.$/, "");
}

type AllowedEntry = { kind: "name"; name: string } | { kind: "range"; range: [Address, number] };

/** An entry of the allow list: a host name, an IP address or a CIDR range; null when it is none. */
export function parseAllowedHost(entry: string): AllowedEntry | null {
  const text = entry.trim();
  if (text.includes("/")) {
    try {
      const [network, prefix] = ipaddr.parseCIDR(text);
      return { kind: "range", range: [ipaddr.process(network.toString()), prefix] };
    } catch {
      return null;
    }
  }
  // An IPv6 address needs brackets in a URL, not in a list.
  const bracketed = text.includes(":") && ipaddr.IPv6.isValid(text) ? `[${text}]` : text;
  let url: URL;
  try {
    url = new URL(`http://${bracketed}/`);
  } catch {
    return null;
  }
  // A port, a path or credentials would be ignored silently; better to refuse the entry.
  const extras = url.port + url.username + url.password + url.search + url.hash;
  if (extras !== "" || url.pathname !== "/" || text === "") return null;
  const address = parseAddress(url.hostname);
  if (address) {
    const processed = ipaddr.process(address.toString());
    return { kind: "range", range: [processed, processed.kind() === "ipv4" ? 32 : 128] };
  }
  return { kind: "name", name: canonicalHostOf(url) };
}

/**
 * Which outgoing connections may go where. By default only to public addresses; the operator's
 * allow list (PARLEY_ALLOWED_OUTGOING_HOSTS) names hosts, addresses or ranges that may be reached
 * anyway, such as an internal help desk or a local Ollama.
 */
export class OutgoingPolicy {
  private readonly names = new Set<string>();
  private readonly ranges: Array<[Address, number]> = [];

  constructor(allowedHosts: readonly string[] = []) {
    for (const entry of allowedHosts) {
      const parsed = parseAllowedHost(entry);
      if (!parsed) throw new Error(`${entry} is not a host name, IP address or CIDR range`);
      if (parsed.kind === "name") this.names.add(parsed.name);
      else this.ranges.push(parsed.range);
    }
  }

  /** Whether the operator named this host (as written in the URL, canonical). */
  allowsName(host: string): boolean {
    return this.names.has(host.toLowerCase().replace(/\.$/, ""));
  }

  private allowsAddress(address: string): boolean {
    const processed = ipaddr.process(address);
    return this.ranges.some(([network, prefix]) => {
      return processed.kind() === network.kind() && processed.match(network, prefix);
    });
  }

  /**
   * Why a connection to `address`, reached through the URL host `host`, is refused, or null when
   * it may be made: the operator allowed the host or the address, or the address is public.
   */
  refusal(host: string, address: string): string | null {
    if (this.allowsName(host) || this.allowsAddress(address)) return null;
    const range = blockedRangeOf(address);
    if (range === null) return null;
    const through = host === address ? "" : ` (the address of ${host})`;
    return `${address}${through} is ${range}; Parley sends requests only to public addresses unless the server's operator allows the host (PARLEY_ALLOWED_OUTGOING_HOSTS)`;
  }
}
