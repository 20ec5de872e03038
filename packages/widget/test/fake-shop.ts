/**
 * The shop page with the widget against the fake server of fake-chat-server.ts, in
 * Chromium: what every rendering test opens first.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
import { buildWidget } from "../src/build.ts";
import { launchChromium } from "./chromium.ts";
import { FakeChatServer, type FakeChatServerOptions, shopUrl } from "./fake-chat-server.ts";

export const timeout = 30_000;

/** Registers the browser's set-up and clean-up in the calling suite, and returns how to open the shop. */
export function useFakeShop() {
  let browser: Browser;
  let widgetCode: string;
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [browser, { code: widgetCode }] = await Promise.all([launchChromium(), buildWidget()]);
  }, timeout);
  afterAll(() => browser?.close());
  afterEach(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    contexts = [];
  });

  async function openShop(options: Omit<FakeChatServerOptions, "widgetCode"> = {}) {
    const context = await browser.newContext({ locale: "en-US" });
    contexts.push(context);
    const page = await context.newPage();
    const server = new FakeChatServer({ widgetCode, ...options });
    await server.install(page);
    await page.goto(shopUrl);
    return { page, server };
  }

  async function openChat(page: Page) {
    await page.getByRole("button", { name: "Open chat" }).click();
    await page.getByRole("dialog", { name: "Ava" }).waitFor();
    await page.getByRole("log").getByText("Hi! How can I help?").waitFor();
    return page.getByRole("log");
  }

  async function send(page: Page, text: string) {
    await page.getByRole("textbox", { name: "Type a message" }).fill(text);
    await page.keyboard.press("Enter");
  }

  return { openShop, openChat, send };
}
