/** The Flow map tab: the dialogs as a graph, what cannot be reached, and the way into a dialog. */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  browserSuiteName,
  type ConsoleSession,
  hasChromium,
  startConsoleSession,
} from "./console-browser.ts";

interface Detail {
  id: string;
  draft: { dialogs: Array<{ id: string; name: string }> } & Record<string, unknown>;
}

describe.skipIf(!hasChromium)(browserSuiteName("console flow map in Chromium"), () => {
  let session: ConsoleSession;
  let assistantId: string;
  let page: Page;

  beforeAll(async () => {
    session = await startConsoleSession();
    const created = await session.api<Detail>("POST", "/v1/assistants", {
      internalName: "Flow map test",
      channel: "chat",
      type: "premium",
    });
    assistantId = created.id;
    const [welcome] = created.draft.dialogs;
    await session.api("PUT", `/v1/assistants/${assistantId}/draft`, {
      ...created.draft,
      dialogs: [
        { ...welcome, end: { id: "welcome-to-a", kind: "redirect", dialogId: "a" } },
        {
          id: "a",
          name: "Dialog A",
          interactions: [{ id: "a-ask", kind: "text_question", prompt: "Your order number?" }],
          end: {
            id: "a-menu",
            kind: "navigation_buttons",
            prompt: "Anything else?",
            buttons: [{ id: "a-more", label: "Track my parcel", dialogId: "b" }],
          },
        },
        { id: "b", name: "Dialog B", interactions: [], end: { id: "b-transfer", kind: "transfer" } },
        { id: "c", name: "Dialog C", interactions: [], end: null },
      ],
    });
    page = await session.newPage();
    await session.signIn(page);
  }, 120_000);
  afterAll(async () => {
    await session?.stop();
  });

  it("draws the links, marks the dialog nothing leads to, and opens a dialog when clicked", async () => {
    await page.goto(`${session.address}/console/assistants/${assistantId}/flow`);
    const map = page.getByRole("region", { name: "Flow map of the assistant's dialogs" });
    await map.getByRole("button", { name: /^Open dialog Dialog A/ }).waitFor();
    // One edge per pair of dialogs that are linked: Welcome → A, A → B (with the button's label).
    expect(await map.locator(".react-flow__edge").count()).toBe(2);
    await map.getByText("Track my parcel").waitFor();
    await map.getByRole("button", { name: "Open dialog Dialog C (Unreachable, Not linked)" }).waitFor();
    await map.getByRole("button", { name: "Open dialog Dialog B (Transfer to an agent)" }).waitFor();
    // The legend says it in words, and the list is the map's text alternative.
    const unreachable = page.getByRole("list", { name: "1 dialog cannot be reached" });
    expect(await unreachable.getByRole("listitem").allTextContents()).toEqual(["Dialog C"]);
    const summary = page.getByRole("region", { name: "Dialogs and their links" });
    await summary.getByText("Track my parcel: Dialog B").waitFor();

    await map.getByRole("button", { name: /^Open dialog Dialog A/ }).click();
    await page.waitForURL(`**/console/assistants/${assistantId}/dialogs/a`);
  }, 60_000);

  it("opens a dialog from the keyboard", async () => {
    await page.goto(`${session.address}/console/assistants/${assistantId}/flow`);
    const dialogB = page.getByRole("button", { name: /^Open dialog Dialog B/ });
    await dialogB.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/console/assistants/${assistantId}/dialogs/b`);
  }, 60_000);
});
