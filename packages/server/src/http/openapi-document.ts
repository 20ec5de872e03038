import { buildApp } from "../app.ts";
import { openPglite } from "../database/connection.ts";
import { startJobQueue } from "../jobs/job-queue.ts";

/** The OpenAPI document as the running server serves it at /docs/json, built on a throwaway database. */
export async function openApiDocumentText(): Promise<string> {
  const connection = await openPglite("memory://");
  try {
    const jobs = await startJobQueue(connection);
    try {
      const app = await buildApp({ connection, jobs });
      await app.ready();
      const text = `${JSON.stringify(app.swagger(), null, 2)}\n`;
      await app.close();
      return text;
    } finally {
      await jobs.stop({ graceful: false });
    }
  } finally {
    await connection.close();
  }
}

export const openApiDocumentUrl = new URL("../../generated/openapi.json", import.meta.url);
