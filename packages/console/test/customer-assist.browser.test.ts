/** Customer Assist > Assistants: adding, finding, duplicating, converting, moving and deleting assistants. */
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  browserSuiteName,
  type ConsoleSession,
  hasChromium,
  startConsoleSession,
} from "./console-browser.ts";

interface Summary {
  id: string;
  publicId: string;
  internalName: string;
  type: string;
  channel: string;
}

// Each test drives several pages and server round trips: a busy two-core machine needs more than 30 s.
describe.skipIf(!hasChromium)(browserSuiteName("Customer Assist assistants in Chromium"), () => {
  let session: ConsoleSession;
  let page: Page;

  const create = (body: Record<string, unknown>) =>
    session.api<Summary>("POST", "/v1/assistants", { channel: "chat", type: "lite", ...body });
  const named = async (search: string) =>
    (await session.api<{ data: Summary[] }>("GET", `/v1/assistants?search=${encodeURIComponent(search)}`))
      .data;
  const row = (name: string | RegExp) => page.getByRole("row", { name });
  const openMenu = (name: string) => page.getByRole("button", { name: `More Options for ${name}` }).click();
  // The list follows a filter after the search box pauses and the server answers: on a busy machine, seconds.
  const rowsAre = (count: number) =>
    expect.poll(() => page.getByRole("row").count(), { timeout: 15_000 }).toBe(count);
  const showList = async () => {
    await page.goto(`${session.address}/console/customer-assist`);
    await page.getByRole("table", { name: "Assistants" }).waitFor();
  };

  beforeAll(async () => {
    session = await startConsoleSession();
    page = await session.newPage();
    await session.signIn(page);
  }, 120_000);
  afterAll(async () => {
    await session?.stop();
  });

  it("adds an assistant through the Add Assistant box and opens it in the editor", async () => {
    await page.getByRole("button", { name: "Add Assistant" }).click();
    const box = page.getByRole("dialog", { name: "Add Assistant" });
    await box.getByRole("button", { name: "Create" }).click();
    await box.getByText("Enter an internal name.").waitFor();

    await box.getByRole("radio", { name: /Premium/ }).click();
    await box.getByLabel("Internal Name").fill("Order help");
    await box.getByLabel("Description").fill("Where is my order?");
    await box.getByLabel("Public Name").fill("Orders");
    await box.getByRole("combobox", { name: "Channel" }).click();
    await page.getByRole("option", { name: "WhatsApp", exact: true }).click();
    await box.getByRole("button", { name: "Create" }).click();

    await page.waitForURL(/\/console\/assistants\/[0-9a-f-]{36}/);
    const [created] = await named("Order help");
    expect(created).toMatchObject({
      internalName: "Order help",
      description: "Where is my order?",
      publicName: "Orders",
      channel: "whatsapp",
      type: "premium",
    });
    expect(page.url()).toContain(`/assistants/${created?.id}`);
  }, 90_000);

  it("narrows the list by search, channel, type and status, and says when nothing matches", async () => {
    await create({ internalName: "Filter chat lite" });
    await create({ internalName: "Filter sms lite", channel: "sms" });
    const published = await create({ internalName: "Filter chat premium", type: "premium" });
    await session.api("POST", `/v1/assistants/${published.id}/publish`);
    await showList();

    await page.getByLabel("Search assistants").fill("filter");
    await rowsAre(4); // the header and three assistants
    expect(await row(/Filter /).count()).toBe(3);
    expect(page.url()).toContain("search=filter");

    await page.getByRole("combobox", { name: "Channel" }).click();
    await page.getByRole("option", { name: "SMS" }).click();
    await rowsAre(2);
    await row(/Filter sms lite/).waitFor();

    await page.getByRole("combobox", { name: "Channel" }).click();
    await page.getByRole("option", { name: "All channels" }).click();
    await page.getByRole("combobox", { name: "Type" }).click();
    await page.getByRole("option", { name: "Premium" }).click();
    await rowsAre(2);
    await row(/Filter chat premium/).waitFor();
    await expect(row(/Filter chat premium/).textContent()).resolves.toMatch(/Active.*Version 1 live/);

    await page.getByRole("combobox", { name: "Type" }).click();
    await page.getByRole("option", { name: "All types" }).click();
    await page.getByRole("combobox", { name: "Status" }).click();
    await page.getByRole("option", { name: "Draft" }).click();
    await rowsAre(3);
    expect(await row(/Filter chat premium/).count()).toBe(0);

    await page.getByLabel("Search assistants").fill("no such assistant");
    await page.getByRole("heading", { name: "No assistants match" }).waitFor();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await row(/Filter chat premium/).waitFor();
    await expect(page.getByLabel("Search assistants").inputValue()).resolves.toBe("");
  }, 90_000);

  it("duplicates an assistant", async () => {
    await create({ internalName: "Twin source" });
    await showList();
    await openMenu("Twin source");
    await page.getByRole("menuitem", { name: "Duplicate", exact: true }).click();
    await row(/Copy of Twin source/).waitFor();
    expect(await named("Twin source")).toHaveLength(2);
  }, 90_000);

  it("shows what converting Premium to Lite removes before creating the Lite copy", async () => {
    const source = await create({
      internalName: "Smart answers",
      type: "premium",
      template: "respond-with-ai",
    });
    await showList();
    await openMenu("Smart answers");
    await page.getByRole("menuitem", { name: "Duplicate as Lite" }).click();
    const box = page.getByRole("dialog", { name: "Duplicate as Lite" });
    const removals = box.getByRole("list", { name: /not available in Lite/ });
    await removals.waitFor();
    await expect(removals.textContent()).resolves.toContain("AI response end interaction");
    // Seeing the list creates nothing.
    expect(await named("Smart answers")).toHaveLength(1);

    await expect(box.getByLabel("Internal Name of the copy").inputValue()).resolves.toBe(
      "Smart answers (Lite)",
    );
    await box.getByRole("button", { name: "Create Lite copy" }).click();
    await row(/Smart answers \(Lite\)/).waitFor();
    const copies = (await named("Smart answers")).filter((assistant) => assistant.id !== source.id);
    expect(copies).toMatchObject([{ internalName: "Smart answers (Lite)", type: "lite" }]);
  }, 90_000);

  it("exports an assistant to a file and imports it back, saying when a file is not an assistant", async () => {
    const source = await create({ internalName: "Travelling assistant", template: "tutorial" });
    await showList();
    await openMenu("Travelling assistant");
    const downloading = page.waitForEvent("download");
    await page.getByRole("menuitem", { name: "Export" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("travelling-assistant.json");
    const exported = JSON.parse(await readFile(await download.path(), "utf8"));
    expect(exported).toMatchObject({
      id: source.id,
      publicId: source.publicId,
      draft: { internalName: "Travelling assistant" },
    });

    const directory = tmpdir();
    const notJson = join(directory, "notes.txt");
    const notAssistant = join(directory, "settings.json");
    await writeFile(notJson, "just some words");
    await writeFile(notAssistant, JSON.stringify({ theme: "dark" }));

    await page.getByRole("button", { name: "Import" }).click();
    const box = page.getByRole("dialog", { name: "Import an assistant" });
    const chooseFile = async (file: string) => {
      const choosing = page.waitForEvent("filechooser");
      await box.getByRole("button", { name: "Assistant file" }).click();
      await (await choosing).setFiles(file);
    };
    await chooseFile(notJson);
    await box.getByText('"notes.txt" is not a JSON file.', { exact: false }).waitFor();
    await chooseFile(notAssistant);
    await box.getByText('"settings.json" is JSON, but not an assistant', { exact: false }).waitFor();

    await chooseFile(await download.path());
    await box.getByText("Travelling assistant: Lite assistant on Chat").waitFor();
    await box.getByLabel("Internal Name").fill("Travelling assistant, imported");
    await box.getByRole("button", { name: "Import", exact: true }).click();
    await box.waitFor({ state: "hidden" });
    await row(/Travelling assistant, imported/).waitFor();

    const [imported] = await named("Travelling assistant, imported");
    const detail = await session.api<{ draft: { dialogs: { name: string }[] } }>(
      "GET",
      `/v1/assistants/${imported?.id}`,
    );
    expect(detail.draft.dialogs.map((dialog) => dialog.name)).toEqual(
      exported.draft.dialogs.map((dialog: { name: string }) => dialog.name),
    );
  }, 90_000);

  it("deletes an assistant after a confirmation naming it", async () => {
    await create({ internalName: "Short lived" });
    await showList();
    await openMenu("Short lived");
    await page.getByRole("menuitem", { name: "Delete" }).click();
    const confirm = page.getByRole("dialog", { name: "Delete this assistant?" });
    await confirm.getByText('"Short lived" and all its versions are deleted', { exact: false }).waitFor();
    await confirm.getByRole("button", { name: "Delete Assistant" }).click();
    await row(/Short lived/).waitFor({ state: "detached" });
    expect(await named("Short lived")).toHaveLength(0);
  }, 90_000);

  it("shows an agent the list without Add Assistant, Import or edit actions", async () => {
    const email = "agent.assist@parley.test";
    const password = "agents only read this";
    await session.api("POST", "/v1/users", { email, password, role: "agent", name: "Avery Agent" });
    const agentPage = await session.newPage();
    await session.signIn(agentPage, email, password);
    await agentPage.getByRole("table", { name: "Assistants" }).waitFor();
    await agentPage.getByRole("row", { name: /Order help/ }).waitFor();
    expect(await agentPage.getByRole("button", { name: "Add Assistant" }).count()).toBe(0);
    expect(await agentPage.getByRole("button", { name: "Import", exact: true }).count()).toBe(0);
    await agentPage.getByRole("button", { name: "More Options for Order help" }).click();
    await agentPage.getByRole("menuitem", { name: "Export" }).waitFor();
    expect(await agentPage.getByRole("menuitem", { name: /Duplicate|Delete/ }).count()).toBe(0);
  }, 90_000);
});
