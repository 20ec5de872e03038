/**
 * A real Parley server, as `npm start` runs it (demo organization, embedded database, the built
 * console at /console), and Debian's Chromium driving it. Console browser tests start from here.
 */
import { type RunningServer, startServer } from "@parley/server";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../../widget/test/chromium.ts";

export { browserSuiteName, hasChromium } from "../../widget/test/chromium.ts";

export const adminEmail = "admin@parley.test";
export const adminPassword = "correct horse battery staple";

export interface ConsoleSession {
  server: RunningServer;
  browser: Browser;
  /** The server's address, such as http://127.0.0.1:41234. */
  address: string;
  /** A page in its own browser context (its own cookies), at 1280 × 860 unless told otherwise. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** Signs in through the sign-in page and waits for Customer Assist. */
  signIn(page: Page, email?: string, password?: string): Promise<void>;
  /** A request with the admin's API key, for setting up what a test needs without clicking. */
  api<T>(method: string, path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

export async function startConsoleSession(): Promise<ConsoleSession> {
  const adminApiKey = `parley_test_${"k".repeat(32)}`;
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    dataDirectory: "memory://",
    logLevel: "silent",
    adminEmail,
    adminPassword,
    adminApiKey,
  });
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  const address = server.address;
  return {
    server,
    browser,
    address,
    async newPage(viewport = { width: 1280, height: 860 }) {
      const context = await browser.newContext({ viewport, locale: "en-US" });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    async signIn(page, email = adminEmail, password = adminPassword) {
      await page.goto(`${address}/console/sign-in`);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel(/^Password/).fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { name: "Customer Assist", level: 1 }).waitFor();
    },
    async api<T>(method: string, path: string, body?: unknown) {
      const response = await fetch(`${address}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${adminApiKey}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    async stop() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await server.stop();
    },
  };
}
