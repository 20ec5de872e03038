import type { EventHandler } from "./event-emitter.ts";

/** `window.Parley` once the widget runs. */
export interface ParleyApi {
  open(): void;
  close(): void;
  toggle(): void;
  identify(customerToken: string): void;
  on(eventName: string, handler: EventHandler): void;
  off(eventName: string, handler: EventHandler): void;
  /** Takes the same `[method, ...arguments]` calls as the queue, so snippets work before and after loading. */
  push(...calls: unknown[]): number;
}

const methods = ["open", "close", "toggle", "identify", "on", "off"] as const;
type MethodName = (typeof methods)[number];

function isMethodName(value: unknown): value is MethodName {
  return methods.some((name) => name === value);
}

/** Runs one queued call such as `["identify", jwt]`; anything else is reported and skipped. */
export function runQueuedCall(api: ParleyApi, call: unknown, report: (message: string) => void): void {
  if (!Array.isArray(call) || !isMethodName(call[0])) {
    report(`Parley: ignored an unknown queued call ${JSON.stringify(call)?.slice(0, 80)}`);
    return;
  }
  const [name, ...rest] = call;
  (api[name] as (...parameters: unknown[]) => void)(...rest);
}

/**
 * Replaces the page's queue (`window.Parley = window.Parley || []`) with the
 * API, running what was queued in order. A second copy of the script finds
 * the API already installed and answers false, so the page gets one widget.
 */
export function installPublicApi(
  host: { Parley?: unknown },
  api: Omit<ParleyApi, "push">,
  report: (message: string) => void = console.warn,
): boolean {
  const existing = host.Parley;
  if (existing && !Array.isArray(existing) && typeof (existing as ParleyApi).open === "function")
    return false;
  const installed: ParleyApi = {
    ...api,
    push(...calls) {
      for (const call of calls) runQueuedCall(installed, call, report);
      return 0;
    },
  };
  host.Parley = installed;
  if (Array.isArray(existing)) installed.push(...existing);
  return true;
}
