import { installPublicApi } from "./public-api.ts";
import { findScriptTag, widgetOptions } from "./script-options.ts";
import type { KeyValueStorage } from "./stored-conversation.ts";
import { createWidget } from "./widget.ts";

/** Reading `localStorage` itself throws where the browser blocks storage (sandboxed frames, some privacy settings). */
function localStorageOrNull(): KeyValueStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

type ParleyHost = { Parley?: unknown };

function alreadyInstalled(host: ParleyHost): boolean {
  const existing = host.Parley;
  return (
    Boolean(existing) &&
    !Array.isArray(existing) &&
    typeof (existing as { open?: unknown }).open === "function"
  );
}

// Read now: document.currentScript is only set while this script runs.
const script = findScriptTag(document);
const options = script ? widgetOptions(script, navigator.languages ?? [navigator.language]) : null;
const host = window as unknown as ParleyHost;

if (!options) {
  console.warn(
    'Parley: the widget script needs a data-brand attribute, e.g. <script src=".../widget.js" data-brand="…">.',
  );
} else if (!alreadyInstalled(host)) {
  const start = () => installPublicApi(host, createWidget(options, localStorageOrNull()));
  // An async script can run before the body exists; the queue holds calls made until then.
  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start, { once: true });
}
