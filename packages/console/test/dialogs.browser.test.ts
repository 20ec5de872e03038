/**
 * The dialog workspace, clicked through as spec 11's tutorial does: add dialogs, add interactions,
 * link the dialogs into a flow with end interactions, watch the anchors, save, reload.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  browserSuiteName,
  type ConsoleSession,
  hasChromium,
  startConsoleSession,
} from "./console-browser.ts";

interface CreatedAssistant {
  id: string;
}
interface DraftDialog {
  id: string;
  name: string;
  interactions: { kind: string }[];
  end: { kind: string; dialogId?: string } | null;
}

describe.skipIf(!hasChromium)(browserSuiteName("console dialogs in Chromium"), () => {
  let session: ConsoleSession;
  /** The admin's page, signed in once for the tests that edit. */
  let page: Page;

  beforeAll(async () => {
    session = await startConsoleSession();
    page = await session.newPage();
    // Tests leave their drafts unsaved; the browser's "leave this page?" must not hold the next one.
    page.on("dialog", (dialog) => void dialog.accept());
    await session.signIn(page);
  }, 120_000);
  afterAll(async () => {
    await session?.stop();
  });

  const createAssistant = (internalName: string, channel: string) =>
    session.api<CreatedAssistant>("POST", "/v1/assistants", {
      internalName,
      channel,
      type: "lite",
      template: "blank",
    });
  const draftDialogs = async (assistantId: string) =>
    (await session.api<{ draft: { dialogs: DraftDialog[] } }>("GET", `/v1/assistants/${assistantId}`)).draft
      .dialogs;

  const sidebar = (page: Page) => page.getByRole("navigation", { name: "Dialogs" });
  const dialogLink = (page: Page, name: string) =>
    sidebar(page).getByRole("link", { name: new RegExp(`^${name}`) });
  const anchorOf = (page: Page, name: string, state: "Linked" | "Not linked" | "Ends the assistant") =>
    dialogLink(page, name).getByRole("img", { name: state, exact: true });

  async function addDialog(page: Page, name: string) {
    await sidebar(page).getByRole("button", { name: "Add Dialog" }).click();
    const modal = page.getByRole("dialog", { name: "Add Dialog" });
    await modal.getByLabel("Dialog name").fill(name);
    await modal.getByRole("button", { name: "Create" }).click();
    await modal.waitFor({ state: "hidden" });
    await expect(page.getByLabel("Dialog name").inputValue()).resolves.toBe(name);
  }
  async function addFromMenu(page: Page, menu: string, item: string) {
    await page.getByRole("button", { name: menu }).click();
    await page.getByRole("menuitem", { name: item, exact: true }).click();
  }
  async function redirectTo(page: Page, dialogName: string) {
    await page.getByRole("combobox", { name: "Redirects to Dialog" }).click();
    await page.getByRole("option", { name: dialogName, exact: true }).click();
  }

  it("builds the tutorial's flow: dialogs, interactions, redirects, anchors, Save Draft", async () => {
    const assistant = await createAssistant("Tutorial assistant", "chat");
    await page.goto(`${session.address}/console/assistants/${assistant.id}`);

    // The editor opens on Welcome, which redirects to Complete Assistant; Complete Assistant transfers.
    await expect(page.getByLabel("Dialog name").inputValue()).resolves.toBe("Welcome");
    await anchorOf(page, "Welcome", "Linked").waitFor();
    await anchorOf(page, "Complete Assistant", "Ends the assistant").waitFor();
    await expect(page.getByRole("combobox", { name: "Redirects to Dialog" }).inputValue()).resolves.toBe(
      "Complete Assistant",
    );

    // A Lite chat assistant offers what chat has, and none of Premium's interactions.
    await page.getByRole("button", { name: "Add Interaction" }).click();
    const offered = await page
      .getByRole("menuitem")
      .evaluateAll((items) => items.map((item) => item.getAttribute("aria-label")));
    expect(offered).toEqual([
      "Send a Message",
      "Customer Text Response",
      "Button Question",
      "Data Attribute Question",
      "Conditional Branch",
      "Business Schedule",
      "Update Attribute",
    ]);
    await page.keyboard.press("Escape");

    await addDialog(page, "Ask Customer Name");
    expect(page.url()).toMatch(/\/dialogs\/ask-customer-name$/);
    await anchorOf(page, "Ask Customer Name", "Not linked").waitFor();
    await addFromMenu(page, "Add Interaction", "Customer Text Response");
    await page.getByRole("group", { name: "Customer Text Response" }).waitFor();
    await expect(dialogLink(page, "Ask Customer Name").textContent()).resolves.toContain(
      "Customer Text Response",
    );

    await addDialog(page, "Ask for Team");
    await addFromMenu(page, "Add Interaction", "Data Attribute Question");
    await page.getByRole("group", { name: "Data Attribute Question" }).waitFor();
    await anchorOf(page, "Ask for Team", "Not linked").waitFor();

    // New dialogs go before Complete Assistant, so the sidebar reads as the flow will.
    const names = await sidebar(page)
      .getByRole("link")
      .evaluateAll((links) => links.map((link) => link.querySelector("p")?.textContent));
    expect(names).toEqual(["Welcome", "Ask Customer Name", "Ask for Team", "Complete Assistant"]);

    // Link the dialogs in order: Welcome → Ask Customer Name → Ask for Team → Complete Assistant.
    await dialogLink(page, "Welcome").click();
    await redirectTo(page, "Ask Customer Name");
    await dialogLink(page, "Ask Customer Name").click();
    await page.getByText("Previous dialog:").waitFor();
    await expect(page.getByRole("link", { name: "Welcome", exact: true }).count()).resolves.toBe(1);
    await addFromMenu(page, "Add End Interaction", "Redirect to Dialog");
    await redirectTo(page, "Ask for Team");
    await anchorOf(page, "Ask Customer Name", "Linked").waitFor();
    await dialogLink(page, "Ask for Team").click();
    await addFromMenu(page, "Add End Interaction", "Redirect to Dialog");
    await redirectTo(page, "Complete Assistant");
    await anchorOf(page, "Ask for Team", "Linked").waitFor();

    // Every dialog but Complete Assistant has a green anchor; none is left unlinked.
    for (const name of ["Welcome", "Ask Customer Name", "Ask for Team"]) {
      await expect(anchorOf(page, name, "Linked").count()).resolves.toBe(1);
    }
    await expect(anchorOf(page, "Complete Assistant", "Linked").count()).resolves.toBe(0);
    await expect(sidebar(page).getByRole("img", { name: "Not linked", exact: true }).count()).resolves.toBe(
      0,
    );

    await page.getByRole("button", { name: "Save Draft" }).click();
    await page.getByText("Draft saved.").waitFor();
    const saved = await draftDialogs(assistant.id);
    expect(
      saved.map((dialog) => [dialog.name, dialog.interactions.map((item) => item.kind), dialog.end]),
    ).toEqual([
      [
        "Welcome",
        ["send_message"],
        { id: "welcome-redirect", kind: "redirect", dialogId: "ask-customer-name" },
      ],
      [
        "Ask Customer Name",
        ["text_question"],
        { id: "ask-customer-name-redirect", kind: "redirect", dialogId: "ask-for-team" },
      ],
      [
        "Ask for Team",
        ["attribute_question"],
        { id: "ask-for-team-redirect", kind: "redirect", dialogId: "complete-assistant" },
      ],
      ["Complete Assistant", [], expect.objectContaining({ kind: "transfer" })],
    ]);

    await page.reload();
    await anchorOf(page, "Ask for Team", "Linked").waitFor();
    await expect(dialogLink(page, "Ask Customer Name").textContent()).resolves.toContain(
      "Redirect to Dialog: Ask for Team",
    );
  }, 60_000);

  it("reorders interactions with the move buttons and by keyboard drag, and undoes a delete", async () => {
    const assistant = await createAssistant("Reordering assistant", "chat");
    await page.goto(`${session.address}/console/assistants/${assistant.id}/dialogs/welcome`);
    await addFromMenu(page, "Add Interaction", "Customer Text Response");
    await addFromMenu(page, "Add Interaction", "Button Question");
    const labels = () => dialogLink(page, "Welcome").locator("li").allTextContents();
    await expect(labels()).resolves.toEqual(["Send a Message", "Customer Text Response", "Button Question"]);

    await page.getByRole("button", { name: "Move Button Question (interaction 3) up" }).click();
    await expect(labels()).resolves.toEqual(["Send a Message", "Button Question", "Customer Text Response"]);
    // The keyboard stays on the button that moved the interaction, now at position 2.
    await expect(page.locator(":focus").getAttribute("aria-label")).resolves.toBe(
      "Move Button Question (interaction 2) up",
    );

    // dnd-kit's keyboard sensor: Space picks up, arrows move, Space drops; each step is announced.
    const announced = (words: string) => page.getByText(words).waitFor({ state: "attached" });
    await page.getByRole("button", { name: "Drag to reorder Send a Message (interaction 1)" }).focus();
    await page.keyboard.press("Space");
    await announced("Send a Message is over position 1.");
    await page.keyboard.press("ArrowDown");
    await announced("Send a Message is over position 2.");
    await page.keyboard.press("Space");
    await expect.poll(labels).toEqual(["Button Question", "Send a Message", "Customer Text Response"]);

    await page.getByRole("button", { name: "Delete Customer Text Response (interaction 3)" }).click();
    await expect(labels()).resolves.toEqual(["Button Question", "Send a Message"]);
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(labels()).resolves.toEqual(["Button Question", "Send a Message", "Customer Text Response"]);
  }, 60_000);

  it("deletes a dialog after saying which dialogs redirect to it", async () => {
    const assistant = await createAssistant("Deleting assistant", "chat");
    await page.goto(`${session.address}/console/assistants/${assistant.id}`);
    await expect(page.getByRole("button", { name: "Delete Dialog" }).count()).resolves.toBe(0);
    await addDialog(page, "Temporary");
    await dialogLink(page, "Welcome").click();
    await redirectTo(page, "Temporary");
    await dialogLink(page, "Temporary").click();
    await page.getByRole("button", { name: "Delete Dialog" }).click();
    const confirm = page.getByRole("dialog", { name: 'Delete the dialog "Temporary"?' });
    await expect(confirm.getByRole("listitem").allTextContents()).resolves.toEqual(["Welcome"]);
    await confirm.getByRole("button", { name: "Delete Dialog" }).click();
    await expect(dialogLink(page, "Temporary").count()).resolves.toBe(0);
    // Welcome now redirects to a dialog that is gone: red anchor, and the block asks for a dialog.
    await anchorOf(page, "Welcome", "Not linked").waitFor();
    await dialogLink(page, "Welcome").click();
    await page.getByText("Select the dialog this one redirects to.").waitFor();
  }, 60_000);

  it("offers a voice assistant Play Prompt, not Send a Message", async () => {
    const assistant = await createAssistant("Voice assistant", "voice");
    await page.goto(`${session.address}/console/assistants/${assistant.id}`);
    await page.getByRole("button", { name: "Add Interaction" }).click();
    await page.getByRole("menuitem", { name: "Play Prompt", exact: true }).waitFor();
    await expect(page.getByRole("menuitem", { name: "Send a Message", exact: true }).count()).resolves.toBe(
      0,
    );
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Change End Interaction" }).click();
    await page.getByRole("menuitem", { name: "Send to Voicemail" }).waitFor();
    await expect(page.getByRole("menuitem", { name: "End Conversation" }).count()).resolves.toBe(0);
  }, 60_000);

  it("shows an agent the dialogs without controls to change them", async () => {
    const assistant = await createAssistant("Read-only assistant", "chat");
    const password = "agent password, long enough";
    await session.api("POST", "/v1/users", { email: "agent.dialogs@parley.test", role: "agent", password });
    const agentPage = await session.newPage();
    await session.signIn(agentPage, "agent.dialogs@parley.test", password);
    await agentPage.goto(`${session.address}/console/assistants/${assistant.id}`);
    await anchorOf(agentPage, "Welcome", "Linked").waitFor();
    await expect(agentPage.getByLabel("Dialog name").getAttribute("readonly")).resolves.not.toBeNull();
    for (const name of [
      "Add Dialog",
      "Add Interaction",
      "Change End Interaction",
      "Remove End Interaction",
    ]) {
      await expect(agentPage.getByRole("button", { name }).count()).resolves.toBe(0);
    }
    await expect(agentPage.getByRole("button", { name: /^Move|^Delete|^Drag/ }).count()).resolves.toBe(0);
  }, 60_000);
});
