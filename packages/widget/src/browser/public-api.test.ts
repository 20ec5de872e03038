import { describe, expect, it, vi } from "vitest";
import { installPublicApi } from "./public-api.ts";

function fakeApi() {
  return { open: vi.fn(), close: vi.fn(), toggle: vi.fn(), identify: vi.fn(), on: vi.fn(), off: vi.fn() };
}

describe("installPublicApi", () => {
  it("runs the calls queued before the script loaded, in order", () => {
    const handler = () => {};
    const host: { Parley?: unknown } = {
      Parley: [["on", "message", handler], ["identify", "jwt"], ["open"]],
    };
    const api = fakeApi();
    expect(installPublicApi(host, api)).toBe(true);
    expect(api.on).toHaveBeenCalledWith("message", handler);
    expect(api.identify).toHaveBeenCalledWith("jwt");
    expect(api.open).toHaveBeenCalledOnce();
    expect(api.on.mock.invocationCallOrder[0]).toBeLessThan(api.identify.mock.invocationCallOrder[0] ?? 0);
  });

  it("keeps accepting queue-style calls after loading", () => {
    const host: { Parley?: unknown } = {};
    const api = fakeApi();
    installPublicApi(host, api);
    (host.Parley as { push(call: unknown): void }).push(["toggle"]);
    expect(api.toggle).toHaveBeenCalledOnce();
  });

  it("reports calls it does not know, and runs the rest", () => {
    const report = vi.fn();
    const api = fakeApi();
    installPublicApi({ Parley: [["explode"], "open", ["close"]] }, api, report);
    expect(report).toHaveBeenCalledTimes(2);
    expect(api.close).toHaveBeenCalledOnce();
  });

  it("installs once when the script is on the page twice", () => {
    const host: { Parley?: unknown } = {};
    const first = fakeApi();
    installPublicApi(host, first);
    expect(installPublicApi(host, fakeApi())).toBe(false);
    (host.Parley as { open(): void }).open();
    expect(first.open).toHaveBeenCalledOnce();
  });
});
