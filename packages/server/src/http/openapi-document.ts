import { buildApp } from "../app.ts";
import { openPglite } from "../database/connection.ts";

/** The OpenAPI document as the running server serves it at /docs/json, built on a throwaway database. */
export async function openApiDocumentText(): Promise<string> {
  const connection = await openPglite("memory://");
  try {
    const app = await buildApp({ connection });
    await app.ready();
    const text = `${JSON.stringify(app.swagger(), null, 2)}\n`;
    await app.close();
    return text;
  } finally {
    await connection.close();
  }
}

export const openApiDocumentUrl = new URL("../../generated/openapi.json", import.meta.url);
