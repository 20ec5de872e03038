const linkProtocols = ["http:", "https:", "mailto:", "tel:"];
const webProtocols = ["http:", "https:"];

function allowed(url: string, protocols: readonly string[], base: string): string | null {
  try {
    const parsed = new URL(url, base);
    return protocols.includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * A URL from a message, or null when it could run script (`javascript:`,
 * `data:`): assistants are written by people, and agents paste links.
 */
export function safeLinkUrl(url: string, base = "https://invalid.example/"): string | null {
  return allowed(url, linkProtocols, base);
}

/** Images and attached files are fetched from the web: only `http` and `https`. */
export function safeWebUrl(url: string, base = "https://invalid.example/"): string | null {
  return allowed(url, webProtocols, base);
}
