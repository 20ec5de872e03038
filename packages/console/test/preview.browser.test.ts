/** The Preview page: the real widget chatting with the draft or a version, and the side panel following it. */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  browserSuiteName,
  type ConsoleSession,
  hasChromium,
  startConsoleSession,
} from "./console-browser.ts";

type Json = Record<string, unknown>;
interface Detail {
  id: string;
  draft: Json & { dialogs: Array<Json & { id: string; interactions: Json[] }> };
}

const slow = 90_000;

describe.skipIf(!hasChromium)(browserSuiteName("console preview in Chromium"), () => {
  let session: ConsoleSession;
  let page: Page;
  let assistantId: string;

  beforeAll(async () => {
    session = await startConsoleSession();
    // The tutorial, cut short: it asks the customer's name, then transfers.
    const created = await session.api<Detail>("POST", "/v1/assistants", {
      internalName: "Preview test",
      channel: "chat",
      type: "premium",
      template: "tutorial",
    });
    assistantId = created.id;
    const dialogs = created.draft.dialogs.map((dialog) =>
      dialog.id === "ask-customer-name"
        ? { ...dialog, end: { id: "name-then-transfer", kind: "transfer" } }
        : dialog,
    );
    await session.api("PUT", `/v1/assistants/${assistantId}/draft`, { ...created.draft, dialogs });
    await session.api("POST", `/v1/assistants/${assistantId}/publish`);
    // The draft after version 1 greets differently, so the two can be told apart.
    const [welcome, ...others] = dialogs;
    await session.api("PUT", `/v1/assistants/${assistantId}/draft`, {
      ...created.draft,
      dialogs: [
        {
          ...welcome,
          interactions: [{ id: "draft-greeting", kind: "send_message", text: "Hello from the draft." }],
        },
        ...others,
      ],
    });
    page = await session.newPage();
    await session.signIn(page);
  }, 120_000);
  afterAll(async () => {
    await session?.stop();
  });

  const chat = () => page.frameLocator('iframe[title="Chat preview"]');
  const status = () => page.getByRole("region", { name: "Assistant status" });

  it(
    "chats with the draft in the widget while the side panel follows the dialog and the attributes",
    async () => {
      await page.goto(`${session.address}/console/assistants/${assistantId}/preview`);
      const log = chat().getByRole("log");
      await log.getByText("Hello from the draft.").waitFor();
      await log.getByText("First, what's your name?").waitFor();
      await status().getByText("Ask Customer Name").waitFor();
      await status().getByText("the customer's reply").waitFor();
      const attributes = page.getByRole("region", { name: "Attributes collected" });
      await attributes.getByText("Nothing collected yet", { exact: false }).waitFor();

      await chat().getByRole("textbox", { name: "Type a message" }).fill("Ada Lovelace");
      await chat().getByRole("textbox", { name: "Type a message" }).press("Enter");
      await attributes.getByRole("cell", { name: "Ada Lovelace" }).waitFor();
      await status().getByText("Transferred to an agent").waitFor();
      expect(await status().getByText("Transferred", { exact: true }).count()).toBe(1);

      // Restart starts over with a new conversation and nothing collected.
      await page.getByRole("button", { name: "Restart" }).click();
      await chat().getByRole("log").getByText("First, what's your name?").waitFor();
      await attributes.getByText("Nothing collected yet", { exact: false }).waitFor();
      await status().getByText("Ask Customer Name").waitFor();
    },
    slow,
  );

  it(
    "previews a published version instead of the draft",
    async () => {
      await page.goto(`${session.address}/console/assistants/${assistantId}/preview`);
      await chat().getByRole("log").getByText("Hello from the draft.").waitFor();
      await page.getByRole("combobox", { name: "Preview" }).click();
      await page.getByRole("option", { name: "Version 1 (live)" }).click();
      await page.waitForURL(/\?version=1$/);
      const log = chat().getByRole("log");
      await log.getByText("I'm a bot", { exact: false }).waitFor();
      expect(await log.getByText("Hello from the draft.").count()).toBe(0);
      await status().getByText("Ask Customer Name").waitFor();
    },
    slow,
  );

  it(
    "shows a draft's problems with a way back to the editor, and explains that only chat previews",
    async () => {
      const broken = await session.api<Detail>("POST", "/v1/assistants", {
        internalName: "Broken draft",
        channel: "chat",
        type: "premium",
      });
      const [welcome, ...others] = broken.draft.dialogs;
      await session.api("PUT", `/v1/assistants/${broken.id}/draft`, {
        ...broken.draft,
        dialogs: [
          { ...welcome, end: { id: "to-nowhere", kind: "redirect", dialogId: "nowhere" } },
          ...others,
        ],
      });
      await page.goto(`${session.address}/console/assistants/${broken.id}/preview`);
      const alert = page.getByRole("alert");
      await alert.getByText("The draft has problems to fix before it can be previewed").waitFor();
      await alert.getByText(/"nowhere"/).waitFor();
      expect(await page.locator('iframe[title="Chat preview"]').count()).toBe(0);
      await alert.getByRole("link", { name: "Fix in the editor" }).click();
      await page.waitForURL(new RegExp(`/console/assistants/${broken.id}(/dialogs/[^/]+)?$`));

      const sms = await session.api<Detail>("POST", "/v1/assistants", {
        internalName: "Text messages",
        channel: "sms",
        type: "premium",
      });
      await page.goto(`${session.address}/console/assistants/${sms.id}/preview`);
      await page.getByText("Preview is web chat only").waitFor();
      expect(await page.locator('iframe[title="Chat preview"]').count()).toBe(0);
    },
    slow,
  );
});
