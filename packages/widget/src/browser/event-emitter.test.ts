import { describe, expect, it, vi } from "vitest";
import { createEventEmitter } from "./event-emitter.ts";

describe("createEventEmitter", () => {
  it("calls the handlers of an event until they are removed", () => {
    const emitter = createEventEmitter();
    const handler = vi.fn();
    emitter.on("message", handler);
    emitter.emit("message", { sequence: 1 });
    emitter.emit("open");
    emitter.off("message", handler);
    emitter.emit("message", { sequence: 2 });
    expect(handler.mock.calls).toEqual([[{ sequence: 1 }]]);
  });

  it("reports a throwing handler and still calls the others", () => {
    const report = vi.fn();
    const emitter = createEventEmitter(report);
    const after = vi.fn();
    emitter.on("open", () => {
      throw new Error("site bug");
    });
    emitter.on("open", after);
    emitter.emit("open");
    expect(report).toHaveBeenCalledOnce();
    expect(after).toHaveBeenCalledOnce();
  });

  it("ignores handlers that are not functions", () => {
    const emitter = createEventEmitter();
    emitter.on("open", "not a function" as never);
    expect(() => emitter.emit("open")).not.toThrow();
  });
});
