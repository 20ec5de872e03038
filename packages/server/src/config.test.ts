import { describe, expect, it } from "vitest";
import { ConfigError, readConfig, ServerConfig } from "./config.ts";

describe("configuration", () => {
  it("trusts no proxy unless told, and takes a hop count or addresses and ranges", () => {
    expect(readConfig({}).trustedProxies).toBeUndefined();
    expect(readConfig({ PARLEY_TRUSTED_PROXIES: "1" }).trustedProxies).toBe(1);
    expect(
      readConfig({ PARLEY_TRUSTED_PROXIES: "10.0.0.1, 172.16.0.0/12,::1,fd00::/8,loopback" }).trustedProxies,
    ).toEqual(["10.0.0.1", "172.16.0.0/12", "::1", "fd00::/8", "loopback"]);
  });

  it("refuses a trusted proxy setting that is not one, naming the variable", () => {
    for (const value of ["true", "0", "10.0.0.300", "10.0.0.0/33", "proxy.example.com"]) {
      expect(() => readConfig({ PARLEY_TRUSTED_PROXIES: value })).toThrow(ConfigError);
      expect(() => readConfig({ PARLEY_TRUSTED_PROXIES: value })).toThrow(/PARLEY_TRUSTED_PROXIES/);
    }
  });

  it("reads the per-address limits of web chat starts and messages", () => {
    expect(readConfig({})).toMatchObject({
      webChatStartsPerMinutePerIp: 30,
      webChatMessagesPerMinutePerIp: 120,
    });
    const config = readConfig({
      PARLEY_WEB_CHAT_STARTS_PER_MINUTE: "5",
      PARLEY_WEB_CHAT_MESSAGES_PER_MINUTE_PER_IP: "50",
    });
    expect(config).toMatchObject({ webChatStartsPerMinutePerIp: 5, webChatMessagesPerMinutePerIp: 50 });
    expect(() => readConfig({ PARLEY_WEB_CHAT_STARTS_PER_MINUTE: "0" })).toThrow(
      /PARLEY_WEB_CHAT_STARTS_PER_MINUTE/,
    );
  });
});

describe("the allowed outgoing hosts setting", () => {
  it("reads a comma-separated list of names, addresses and ranges", () => {
    const config = readConfig({
      PARLEY_ALLOWED_OUTGOING_HOSTS: "hooks.internal, 10.0.0.5,,10.20.0.0/16,::1",
    });
    expect(config.allowedOutgoingHosts).toEqual(["hooks.internal", "10.0.0.5", "10.20.0.0/16", "::1"]);
    // startServer parses the settings it is given again.
    expect(ServerConfig.parse(config).allowedOutgoingHosts).toEqual(config.allowedOutgoingHosts);
  });

  it("allows nothing that is not public when unset", () => {
    expect(readConfig({}).allowedOutgoingHosts).toEqual([]);
  });

  it("stops the start on an entry with a scheme, a port or a path, naming the variable", () => {
    for (const entry of ["http://hooks.internal", "hooks.internal:8080", "10.0.0.0/99"]) {
      expect(() => readConfig({ PARLEY_ALLOWED_OUTGOING_HOSTS: `localhost,${entry}` })).toThrow(ConfigError);
      expect(() => readConfig({ PARLEY_ALLOWED_OUTGOING_HOSTS: entry })).toThrow(
        `PARLEY_ALLOWED_OUTGOING_HOSTS: "${entry}" is not a host name, IP address or CIDR range`,
      );
    }
  });
});
