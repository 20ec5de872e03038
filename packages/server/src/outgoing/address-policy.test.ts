import { describe, expect, it } from "vitest";
import { blockedRangeOf, literalAddressOf, OutgoingPolicy, parseAllowedHost } from "./address-policy.ts";

/** How an address written in a URL is judged: its canonical form, then its range. */
function judge(host: string): string | null {
  const address = literalAddressOf(host);
  if (address === null) throw new Error(`${host} is not an IP address`);
  return blockedRangeOf(address);
}

describe("which addresses outgoing requests may reach", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["2130706433", "loopback"],
    ["0x7f.1", "loopback"],
    ["0177.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["[::1]", "loopback"],
    ["[::ffff:127.0.0.1]", "loopback"],
    ["[::ffff:7f00:1]", "loopback"],
    ["[64:ff9b::127.0.0.1]", "loopback"],
    ["[::127.0.0.1]", "IPv4-compatible"],
    ["169.254.169.254", "link-local"],
    ["[::ffff:169.254.169.254]", "link-local"],
    ["[fe80::1]", "link-local"],
    ["10.0.0.5", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.1", "private"],
    ["[fd00::1]", "private"],
    ["[fd00:ec2::254]", "private"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.100.100.200", "carrier-grade NAT"],
    ["0.0.0.0", "unspecified"],
    ["0", "unspecified"],
    ["[::]", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["[ff02::1]", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["192.0.2.1", "reserved"],
    ["240.0.0.1", "reserved"],
  ])("refuses %s as %s", (host, range) => {
    expect(judge(host)).toContain(range);
  });

  it.each([
    "8.8.8.8",
    "93.184.215.14",
    "[2606:4700:4700::1111]",
    "[::ffff:8.8.8.8]",
    "172.32.0.1",
    "100.128.0.1",
  ])("lets %s through", (host) => {
    expect(judge(host)).toBeNull();
  });

  it("sees no address in a host name", () => {
    expect(literalAddressOf("localhost")).toBeNull();
    expect(literalAddressOf("hooks.example.com")).toBeNull();
  });
});

describe("the operator's allowed hosts", () => {
  const policy = new OutgoingPolicy(["hooks.internal", "10.0.0.5", "LocalHost.", "fd00:1::/32"]);

  it("allows a named host whatever it resolves to, and only that name", () => {
    expect(policy.refusal("hooks.internal", "10.1.2.3")).toBeNull();
    expect(policy.refusal("localhost", "127.0.0.1")).toBeNull();
    expect(policy.refusal("other.internal", "10.1.2.3")).toContain(
      "10.1.2.3 (the address of other.internal)",
    );
    expect(policy.refusal("127.0.0.1", "127.0.0.1")).toContain("loopback");
  });

  it("allows an address or range however the host names it, mapped forms included", () => {
    expect(policy.refusal("10.0.0.5", "10.0.0.5")).toBeNull();
    expect(policy.refusal("help.corp", "10.0.0.5")).toBeNull();
    expect(policy.refusal("::ffff:a00:5", "::ffff:a00:5")).toBeNull();
    expect(policy.refusal("fd00:1::9", "fd00:1::9")).toBeNull();
    expect(policy.refusal("10.0.0.6", "10.0.0.6")).toContain("private");
    expect(policy.refusal("fd00:2::9", "fd00:2::9")).toContain("private");
  });

  it("names the setting in its refusals", () => {
    expect(policy.refusal("x.example", "169.254.169.254")).toContain("PARLEY_ALLOWED_OUTGOING_HOSTS");
  });

  it.each(["hooks.internal", "10.0.0.0/8", "::1", "[::1]", "localhost"])("takes %s", (entry) => {
    expect(parseAllowedHost(entry)).not.toBeNull();
  });

  it.each(["hooks.internal:8080", "http://hooks.internal", "a b", "10.0.0.0/99", "user@host", ""])(
    "refuses %j",
    (entry) => {
      expect(parseAllowedHost(entry)).toBeNull();
    },
  );
});
