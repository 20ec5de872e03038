/**
 * The widget in a real browser against the real server: the demo page, the
 * tutorial assistant, the transfer, a reload. Without Chromium the suite is
 * skipped and its name says why (see chromium.ts).
 */
import { type RunningServer, startServer } from "@parley/server";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserSuiteName, hasChromium, launchChromium } from "./chromium.ts";

const timeout = 60_000;

// The smallest valid PNG: one transparent pixel.
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

/** Records the widget's events through the pre-load queue, which is part of what is tested. */
const recordEvents = `
  window.parleyEvents = [];
  window.Parley = window.Parley || [];
  for (const name of ["open", "close", "message", "conversation"]) {
    window.Parley.push(["on", name, (payload) => window.parleyEvents.push(
      name === "message" ? "message:" + payload.sequence : name === "conversation" ? "conversation:" + payload.status : name,
    )]);
  }
`;

async function events(page: Page): Promise<string[]> {
  return (await page.evaluate("window.parleyEvents")) as string[];
}

async function focusedInWidget(page: Page): Promise<string | null> {
  return (await page.evaluate(
    `(() => { const element = document.querySelector("[data-parley-widget]")?.shadowRoot?.activeElement;
      return element ? element.tagName + ":" + (element.getAttribute("aria-label") ?? "") : null; })()`,
  )) as string | null;
}

/** Open or closed: a closed window keeps its transcript, which role queries would not see. */
async function sequencesInTranscript(page: Page): Promise<number[]> {
  const views = await page.locator("[data-parley-widget] .log > [data-sequence]").all();
  return Promise.all(views.map(async (view) => Number(await view.getAttribute("data-sequence"))));
}

describe.skipIf(!hasChromium)(browserSuiteName("widget in Chromium with the real server"), () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({
      port: 0,
      host: "127.0.0.1",
      dataDirectory: "memory://",
      logLevel: "silent",
    });
    browser = await launchChromium();
    page = await browser.newPage({ locale: "en-US" });
    await page.addInitScript(recordEvents);
  }, timeout);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    "chats through the tutorial with typing and clicks, up to the transfer to an agent",
    async () => {
      await page.goto(`${server.address}/`);
      const launcher = page.getByRole("button", { name: "Open chat" });
      await launcher.click();

      const dialog = page.getByRole("dialog", { name: "Demo Store Bot" });
      await dialog.waitFor();
      expect(await focusedInWidget(page)).toBe("TEXTAREA:Type a message");
      const log = page.getByRole("log");
      expect(await log.getAttribute("aria-live")).toBe("polite");
      await log.getByText("First, what's your name?").waitFor();
      expect(await log.getByText("Bot", { exact: true }).count()).toBeGreaterThanOrEqual(2);

      await page.getByRole("textbox", { name: "Type a message" }).fill("Ada");
      await page.keyboard.press("Enter");
      const shipping = log.getByRole("button", { name: "Shipping" });
      await shipping.waitFor();
      // Options are real buttons: the keyboard chooses one.
      await shipping.focus();
      await page.keyboard.press("Enter");

      await log.getByText(/Thanks, Ada!/).waitFor();
      await log.getByText("Transferred to an agent").waitFor();
      expect(await shipping.isDisabled()).toBe(true);
      expect(await focusedInWidget(page)).toBe("TEXTAREA:Type a message");
      expect(await log.locator(".from-customer").allTextContents()).toEqual(["YouAda", "YouShipping"]);
      const sequences = await sequencesInTranscript(page);
      expect(sequences).toEqual([...new Set(sequences)].sort((a, b) => a - b));

      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "hidden" });
      expect(await focusedInWidget(page)).toBe("BUTTON:Open chat");

      const recorded = await events(page);
      expect(recorded[0]).toBe("open");
      expect(recorded).toContain("conversation:open");
      expect(recorded).toContain("conversation:transferred");
      expect(recorded.at(-1)).toBe("close");
      const messageEvents = recorded.filter((event) => event.startsWith("message:"));
      expect(messageEvents).toEqual(sequences.map((sequence) => `message:${sequence}`));
    },
    timeout,
  );

  it(
    "restores the transcript after a reload and keeps the conversation going",
    async () => {
      const before = await sequencesInTranscript(page);
      const stored = JSON.parse((await page.evaluate("JSON.stringify(localStorage)")) as string);
      const [key] = Object.keys(stored);
      expect(key).toMatch(/^parley:/);
      expect(JSON.parse(stored[key ?? ""]).lastSequence).toBe(before.at(-1));

      await page.reload();
      await page.getByRole("button", { name: "Open chat" }).click();
      const log = page.getByRole("log");
      await log.getByText("Transferred to an agent").waitFor();
      expect(await sequencesInTranscript(page)).toEqual(before);
      // History is not news: restoring emits no message events.
      expect((await events(page)).sort()).toEqual(["conversation:transferred", "open"]);

      await page.getByRole("textbox", { name: "Type a message" }).fill("Is anyone there?");
      await page.keyboard.press("Enter");
      await log.locator("[data-sequence]", { hasText: "Is anyone there?" }).waitFor();
      expect(await log.locator(".pending").count()).toBe(0);
      expect(await log.getByText("Is anyone there?").count()).toBe(1);
      const after = await sequencesInTranscript(page);
      expect(after.slice(0, before.length)).toEqual(before);
      expect(new Set(after).size).toBe(after.length);
    },
    timeout,
  );

  it(
    "attaches a picture: uploaded, shown in the transcript, and fetchable by its link",
    async () => {
      const log = page.getByRole("log");
      await page.getByRole("button", { name: "Attach file" }).waitFor();
      await page
        .locator("[data-parley-widget] input[type=file]")
        .setInputFiles({ name: "receipt été.png", mimeType: "image/png", buffer: png });
      const thumbnail = log
        .locator(".from-customer[data-sequence]")
        .getByRole("img", { name: "receipt été.png" });
      await thumbnail.waitFor();
      expect(await log.locator(".pending").count()).toBe(0);
      expect(await log.getByRole("img", { name: "receipt été.png" }).count()).toBe(1);
      await expect
        .poll(() => thumbnail.evaluate((image: { naturalWidth: number }) => image.naturalWidth))
        .toBe(1);

      const url = (await thumbnail.getAttribute("src")) ?? "";
      expect(url.startsWith(`${server.address}/v1/web-chat/files/`)).toBe(true);
      expect(await log.getByRole("link", { name: /receipt été\.png/ }).getAttribute("href")).toBe(url);
      const download = await fetch(url);
      expect(download.status).toBe(200);
      expect(download.headers.get("content-type")).toBe("image/png");
      expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);
      const sequences = await sequencesInTranscript(page);
      expect(new Set(sequences).size).toBe(sequences.length);
    },
    timeout,
  );

  it(
    "speaks the browser's language and answers the JavaScript API",
    async () => {
      const context = await browser.newContext({ locale: "es-ES" });
      try {
        const spanish = await context.newPage();
        await spanish.goto(`${server.address}/`);
        await spanish.getByRole("button", { name: "Abrir chat" }).waitFor();
        await spanish.evaluate("window.Parley.open()");
        await spanish.getByRole("textbox", { name: "Escribe un mensaje" }).waitFor();
        await spanish.getByRole("button", { name: "Adjuntar archivo" }).waitFor();
        await spanish.getByRole("button", { name: "Cerrar chat" }).first().waitFor();
        await spanish.getByRole("log").locator(".from-assistant").first().waitFor();
        await spanish.evaluate("window.Parley.toggle()");
        await spanish.getByRole("dialog").waitFor({ state: "hidden" });
      } finally {
        await context.close();
      }
    },
    timeout,
  );
});
