/**
 * The server's Content-Security-Policies in a real browser: the demo page with the widget chatting,
 * /docs and a help page all work under them, without one violation. A policy that forgets
 * something the page needs shows here, not in a customer's browser.
 */
import { type RunningServer, startServer } from "@parley/server";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { browserSuiteName, hasChromium, launchChromium } from "./chromium.ts";

const timeout = 60_000;

/** Every violation the page reports, from its own documents and the widget's shadow root. */
const recordViolations = `
  window.cspViolations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(event.violatedDirective + " " + event.blockedURI);
  }, true);
`;

describe.skipIf(!hasChromium)(browserSuiteName("security headers in Chromium"), () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer({
      port: 0,
      host: "127.0.0.1",
      dataDirectory: "memory://",
      logLevel: "silent",
    });
    browser = await launchChromium();
    page = await browser.newPage({ locale: "en-US" });
    await page.addInitScript(recordViolations);
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
  }, timeout);

  beforeEach(() => {
    consoleErrors.length = 0;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function violations(): Promise<string[]> {
    const reported = (await page.evaluate("window.cspViolations")) as string[];
    return [...reported, ...consoleErrors.filter((text) => /content security policy/i.test(text))];
  }

  it(
    "chats on the demo page",
    async () => {
      await page.goto(`${server.address}/`);
      await page.getByRole("button", { name: "Open chat" }).click();
      const log = page.getByRole("log");
      await log.getByText("First, what's your name?").waitFor();
      await page.getByRole("textbox", { name: "Type a message" }).fill("Ada");
      await page.keyboard.press("Enter");
      await log.getByRole("button", { name: "Shipping" }).waitFor();
      expect(await violations()).toEqual([]);
    },
    timeout,
  );

  it(
    "renders the API reference at /docs",
    async () => {
      await page.goto(`${server.address}/docs`);
      await page.getByRole("heading", { name: /Parley API/ }).waitFor();
      await page.locator(".opblock").first().waitFor();
      expect(await violations()).toEqual([]);
    },
    timeout,
  );

  it(
    "shows a help page",
    async () => {
      const key = server.bootstrap?.generatedApiKey ?? "";
      const headers = { authorization: `Bearer ${key}` };
      const bases = (await (await fetch(`${server.address}/v1/knowledge-bases`, { headers })).json()) as {
        data: { id: string }[];
      };
      const [base] = bases.data;
      const articles = (await (
        await fetch(`${server.address}/v1/knowledge-bases/${base?.id}/articles?status=published`, { headers })
      ).json()) as { data: { title: string; url: string; visibility: string }[] };
      const article = articles.data.find((candidate) => candidate.visibility === "public");
      expect(article).toBeDefined();
      await page.goto(new URL(article?.url ?? "", server.address).toString());
      await page.getByRole("heading", { name: article?.title }).waitFor();
      expect(await violations()).toEqual([]);
    },
    timeout,
  );
});
