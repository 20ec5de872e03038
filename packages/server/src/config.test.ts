import { describe, expect, it } from "vitest";
import { ConfigError, readConfig, ServerConfig } from "./config.ts";

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
