/** Versions in Chromium: the list, comparing two versions, choosing the one in use, and editing an old one. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  browserSuiteName,
  type ConsoleSession,
  hasChromium,
  startConsoleSession,
} from "./console-browser.ts";

interface Assistant {
  id: string;
  liveVersion: number | null;
  draft: Record<string, unknown> & { publicName: string };
}

describe.skipIf(!hasChromium)(browserSuiteName("console versions in Chromium"), { timeout: 60_000 }, () => {
  let session: ConsoleSession;

  // Starting a server and Chromium takes a while on a busy machine.
  beforeAll(async () => {
    session = await startConsoleSession();
  }, 120_000);
  afterAll(async () => {
    await session?.stop();
  });

  /** An assistant published twice, its Public Name changed in between. */
  async function publishedTwice(internalName: string): Promise<Assistant> {
    const created = await session.api<Assistant>("POST", "/v1/assistants", {
      internalName,
      publicName: "First Name",
      channel: "chat",
      type: "lite",
    });
    await session.api("POST", `/v1/assistants/${created.id}/publish`);
    await session.api("PUT", `/v1/assistants/${created.id}/draft`, {
      ...created.draft,
      publicName: "Second Name",
    });
    await session.api("POST", `/v1/assistants/${created.id}/publish`);
    return created;
  }

  async function openVersions(assistantId: string) {
    const page = await session.newPage();
    await session.signIn(page);
    await page.goto(`${session.address}/console/assistants/${assistantId}/versions`);
    await page.getByRole("heading", { name: "Compare versions" }).waitFor();
    return page;
  }

  it("lists the versions newest first and compares version 1 with version 2", async () => {
    const assistant = await publishedTwice("Compared");
    const page = await openVersions(assistant.id);
    const rows = page.getByRole("row");
    await expect(rows.nth(1).textContent()).resolves.toMatch(/Version 2.*API key.*In use/);
    await expect(rows.nth(2).textContent()).resolves.toMatch(/^Version 1/);

    const changes = page.getByRole("region", { name: "Changes from Version 1 to Version 2 (in use)" });
    const publicName = changes.getByRole("row").filter({ hasText: "Public Name" });
    await expect(publicName.textContent()).resolves.toBe('ChangedPublic Name"First Name""Second Name"');

    // Version 2 against the draft: nothing was changed since.
    await page.getByRole("combobox", { name: "Compare" }).click();
    await page.getByRole("option", { name: "Version 2 (in use)" }).click();
    await page.getByRole("combobox", { name: "With" }).click();
    await page.getByRole("option", { name: "Draft" }).click();
    await page.getByText("These two are identical.").waitFor();
  });

  it("switches the version in use, and takes the assistant offline", async () => {
    const assistant = await publishedTwice("Switched");
    const page = await openVersions(assistant.id);
    await page.getByRole("button", { name: "Actions for version 1" }).click();
    await page.getByRole("menuitem", { name: "Use this version" }).click();
    await page
      .getByRole("dialog", { name: "Use version 1?" })
      .getByRole("button", { name: "Use this version" })
      .click();
    await page.getByText("Version 1 is now in use.").waitFor();
    await page.getByRole("row").filter({ hasText: "Version 1" }).getByText("In use").waitFor();
    await expect(
      page.getByRole("row").filter({ hasText: "Version 2" }).getByText("In use").count(),
    ).resolves.toBe(0);
    await page.getByText("Published: version 1").waitFor();
    expect((await session.api<Assistant>("GET", `/v1/assistants/${assistant.id}`)).liveVersion).toBe(1);

    await page.getByRole("button", { name: "Actions for version 1" }).click();
    await page.getByRole("menuitem", { name: "Take offline" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Take offline" }).click();
    await page.getByText("No version is in use").waitFor();
    expect((await session.api<Assistant>("GET", `/v1/assistants/${assistant.id}`)).liveVersion).toBeNull();
  });

  it("loads an old version into the draft with Edit this version", async () => {
    const assistant = await publishedTwice("Edited");
    const page = await openVersions(assistant.id);
    await page.getByRole("button", { name: "View version 1" }).click();
    const view = page.getByRole("dialog", { name: "Version 1" });
    await view.getByRole("region", { name: "Welcome" }).waitFor();
    await view.getByRole("button", { name: "Edit this version" }).click();
    await page
      .getByRole("dialog", { name: "Edit version 1?" })
      .getByRole("button", { name: "Edit this version" })
      .click();
    await page.getByText("The draft now holds version 1.").waitFor();
    await page.waitForURL(/\/dialogs\//);
    expect((await session.api<Assistant>("GET", `/v1/assistants/${assistant.id}`)).draft.publicName).toBe(
      "First Name",
    );

    await page.getByRole("tab", { name: "Assistant Settings" }).click();
    await expect(page.getByLabel("Public Name", { exact: true }).inputValue()).resolves.toBe("First Name");
  });

  it("lets an agent view and compare versions, but not edit or choose one", async () => {
    const assistant = await publishedTwice("Agents look");
    const credentials = {
      email: "agent.versions@parley.test",
      password: "a long agent password",
      role: "agent",
    };
    await session.api("POST", "/v1/users", { ...credentials, name: "Agent Val" });
    const page = await session.newPage();
    await session.signIn(page, credentials.email, credentials.password);
    await page.goto(`${session.address}/console/assistants/${assistant.id}/versions`);
    await page.getByRole("region", { name: "Changes from Version 1 to Version 2 (in use)" }).waitFor();
    await page.getByRole("button", { name: "Actions for version 1" }).click();
    await page.getByRole("menuitem", { name: "Compare with the draft" }).waitFor();
    await expect(page.getByRole("menuitem", { name: "Edit this version" }).count()).resolves.toBe(0);
    await expect(page.getByRole("menuitem", { name: "Use this version" }).count()).resolves.toBe(0);
  });

  it("says so when the assistant was never published", async () => {
    const created = await session.api<Assistant>("POST", "/v1/assistants", {
      internalName: "Never published",
      channel: "chat",
      type: "lite",
    });
    const page = await session.newPage();
    await session.signIn(page);
    await page.goto(`${session.address}/console/assistants/${created.id}/versions`);
    await page.getByRole("heading", { name: "No published versions yet" }).waitFor();
  });
});
