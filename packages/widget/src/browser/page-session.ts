import type { PageSession } from "./protocol.ts";

/** Cut to the server's limits: a long referrer must not make starting a conversation fail. */
function clip(value: string, length: number): string {
  return value.length > length ? value.slice(0, length) : value;
}

/** The visit as rules see it; time on page counts from the page's navigation start. */
export function pageSession(): PageSession {
  return {
    currentPage: clip(location.href, 4096),
    previousPage: clip(document.referrer, 4096),
    language: clip(navigator.language || "en", 64),
    timeOnPage: Math.floor(performance.now() / 1000),
    userAgent: clip(navigator.userAgent, 1024),
  };
}
