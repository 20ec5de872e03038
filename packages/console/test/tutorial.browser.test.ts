/**
 * Spec 11's tutorial, click for click with the labels it names: Add Assistant, edit Welcome, add the
 * Ask Customer Name and Ask for Team dialogs, link them with Redirects to Dialog and Add End
 * Interaction, Save Draft, Save and Publish, then make it the brand's default on the Rules tab and
 * preview it up to the transfer. Then what goes wrong: a stale draft, and a publish refused.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  browserSuiteName,
  type ConsoleSession,
  hasChromium,
  startConsoleSession,
} from "./console-browser.ts";

interface AssistantDetail {
  id: string;
  status: string;
  liveVersion: number | null;
  draft: {
    dialogs: { name: string; interactions: Record<string, unknown>[]; end: Record<string, unknown> | null }[];
  };
}

describe.skipIf(!hasChromium)(browserSuiteName("spec 11's tutorial in the console, in Chromium"), () => {
  let session: ConsoleSession;
  let page: Page;
  let assistantId = "";

  beforeAll(async () => {
    session = await startConsoleSession();
    page = await session.newPage();
    await session.signIn(page);
  }, 120_000);
  afterAll(async () => {
    await session?.stop();
  });

  const sidebar = () => page.getByRole("navigation", { name: "Dialogs" });
  const dialogLink = (name: string) => sidebar().getByRole("link", { name: new RegExp(`^${name}`) });
  const anchor = (name: string, state: "Linked" | "Not linked") =>
    dialogLink(name).getByRole("img", { name: state, exact: true });
  const choose = async (field: string, option: string) => {
    await page.getByRole("combobox", { name: field, exact: true }).click();
    await page.getByRole("option", { name: option, exact: true }).click();
  };
  const addFromMenu = async (menu: string, item: string) => {
    await page.getByRole("button", { name: menu }).click();
    await page.getByRole("menuitem", { name: item, exact: true }).click();
  };
  const addDialog = async (name: string) => {
    await sidebar().getByRole("button", { name: "Add Dialog" }).click();
    const box = page.getByRole("dialog", { name: "Add Dialog" });
    await box.getByLabel("Dialog name").fill(name);
    await box.getByRole("button", { name: "Create" }).click();
    await box.waitFor({ state: "hidden" });
  };
  /** Saves and waits until nothing is left unsaved (the header's "Unsaved changes" goes away). */
  const saveDraft = async () => {
    await page.getByText("Unsaved changes", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Save Draft" }).click();
    await page.getByText("Unsaved changes", { exact: true }).waitFor({ state: "hidden" });
  };

  it("builds, links, saves and publishes the tutorial assistant", async () => {
    // Add a new conversational assistant.
    await page.getByRole("button", { name: "Add Assistant" }).click();
    const box = page.getByRole("dialog", { name: "Add Assistant" });
    await box.getByLabel("Internal Name").fill("Team router");
    await box.getByLabel("Description").fill("Asks the name and the team, then transfers");
    await box.getByLabel("Public Name").fill("Demo Store Helper");
    await box.getByRole("button", { name: "Create" }).click();
    await page.waitForURL(/\/console\/assistants\/[0-9a-f-]+\/dialogs\//);
    assistantId = /assistants\/([0-9a-f-]+)\//.exec(page.url())?.[1] ?? "";

    // Step 1: edit the Welcome dialog's Send a Message.
    await expect(page.getByLabel("Dialog name").inputValue()).resolves.toBe("Welcome");
    const welcomeMessage = page.getByRole("textbox", { name: "Message", exact: true });
    await welcomeMessage.fill("Hi! I'll ask you two quick questions to connect you with the right agent.");
    await saveDraft();

    // Step 2a: Ask Customer Name, with a Customer Text Response saved to Customer > Name.
    await addDialog("Ask Customer Name");
    await addFromMenu("Add Interaction", "Customer Text Response");
    await page.getByRole("textbox", { name: "Message prompt" }).fill("What's your name?");
    await page.getByRole("checkbox", { name: "Save the customer's reply as an attribute" }).check();
    await choose("Save the customer's reply as an attribute: Klass", "Customer");
    await choose("Save the customer's reply as an attribute: Field", "Name");

    // Step 2b: Ask for Team, with a Data Attribute Question on Conversation > Assigned Teams.
    await addDialog("Ask for Team");
    await addFromMenu("Add Interaction", "Data Attribute Question");
    await page.getByRole("textbox", { name: "Message prompt" }).fill("Which team would you like to reach?");
    await page.getByRole("radio", { name: "Custom Values" }).check();

    // Step 3: Complete Assistant acknowledges the choice before its transfer.
    await dialogLink("Complete Assistant").click();
    await addFromMenu("Add Interaction", "Send a Message");
    await page.getByRole("textbox", { name: "Message", exact: true }).fill("Thanks! Connecting you now.");
    await saveDraft();

    // Link the dialogs: Welcome → Ask Customer Name → Ask for Team → Complete Assistant.
    await anchor("Ask Customer Name", "Not linked").waitFor();
    await anchor("Ask for Team", "Not linked").waitFor();
    await dialogLink("Welcome").click();
    await choose("Redirects to Dialog", "Ask Customer Name");
    await dialogLink("Ask Customer Name").click();
    await addFromMenu("Add End Interaction", "Redirect to Dialog");
    await choose("Redirects to Dialog", "Ask for Team");
    await dialogLink("Ask for Team").click();
    await addFromMenu("Add End Interaction", "Redirect to Dialog");
    await choose("Redirects to Dialog", "Complete Assistant");
    for (const name of ["Welcome", "Ask Customer Name", "Ask for Team"])
      await anchor(name, "Linked").waitFor();
    await saveDraft();

    // Publish: a new version, live.
    await page.getByRole("button", { name: "Save and Publish" }).click();
    await page.getByText("Published. The new version is live.").waitFor();
    const published = await session.api<AssistantDetail>("GET", `/v1/assistants/${assistantId}`);
    expect(published).toMatchObject({ status: "active", liveVersion: 1 });
    expect(published.draft.dialogs.map((dialog) => dialog.name)).toEqual([
      "Welcome",
      "Ask Customer Name",
      "Ask for Team",
      "Complete Assistant",
    ]);
    expect(published.draft.dialogs[1]?.interactions[0]).toMatchObject({
      kind: "text_question",
      prompt: "What's your name?",
      saveTo: { klass: "customer", attribute: "name" },
    });
    // The whole tutorial is a long walk: about 10 s on a quiet machine, several times that on a busy one.
  }, 120_000);

  it("makes it the brand's default on the Rules tab, and a visitor of that brand gets it", async () => {
    await page.goto(`${session.address}/console/customer-assist/rules`);
    await choose("Default assistant for Demo Store", "Team router");
    await page.getByText("Demo Store now runs Team router by default.").waitFor();
    await page.reload();
    await expect(
      page.getByRole("combobox", { name: "Default assistant for Demo Store" }).inputValue(),
    ).resolves.toBe("Team router");
    // A chat visitor of the Demo Store brand, whom no rule matches, now starts with it.
    const brands = await session.api<{ data: { id: string; name: string }[] }>("GET", "/v1/brands");
    const brandId = brands.data.find((brand) => brand.name === "Demo Store")?.id;
    const evaluation = await session.api<{ source: string; assistantId?: string }>(
      "POST",
      "/v1/rules/evaluate",
      { channel: "chat", brandId, session: { currentPage: "https://shop.example/help" } },
    );
    expect(evaluation).toMatchObject({ assistantId });
  });

  it("previews the published assistant up to the transfer", async () => {
    await page.goto(`${session.address}/console/assistants/${assistantId}/preview`);
    const chat = page.frameLocator('iframe[title="Chat preview"]');
    await chat.getByRole("log").getByText("What's your name?").waitFor();
    await chat.getByRole("textbox", { name: "Type a message" }).fill("Grace Hopper");
    await chat.getByRole("textbox", { name: "Type a message" }).press("Enter");
    await page.getByRole("region", { name: "Attributes collected" }).getByText("Grace Hopper").waitFor();
    await chat.getByRole("log").getByText("Which team would you like to reach?").waitFor();
    const firstTeam = chat.getByRole("log").getByRole("button").first();
    await firstTeam.click();
    await chat.getByRole("log").getByText("Thanks! Connecting you now.").waitFor();
    await page
      .getByRole("region", { name: "Assistant status" })
      .getByText("Transferred to an agent")
      .waitFor();
  });

  it("says when the draft was saved elsewhere, and reloads it", async () => {
    const other = await session.newPage();
    await session.signIn(other);
    await page.goto(`${session.address}/console/assistants/${assistantId}/settings`);
    await other.goto(`${session.address}/console/assistants/${assistantId}/settings`);
    await other.getByLabel("Description").fill("Changed in another tab");
    await other.getByRole("button", { name: "Save Draft" }).click();
    await other.getByText("Unsaved changes", { exact: true }).waitFor({ state: "hidden" });

    await page.getByLabel("Description").fill("Changed here, on a stale draft");
    await page.getByRole("button", { name: "Save Draft" }).click();
    const conflict = page.getByRole("alert").filter({ hasText: "This draft was changed somewhere else" });
    await conflict.waitFor();
    await conflict.getByRole("button", { name: "Reload the draft" }).click();
    await expect.poll(() => page.getByLabel("Description").inputValue()).toBe("Changed in another tab");
  });

  it("refuses to publish a draft with a problem, and the problem's link opens its field", async () => {
    await page.goto(`${session.address}/console/assistants/${assistantId}`);
    await dialogLink("Ask Customer Name").click();
    await page.getByRole("textbox", { name: "Message prompt" }).fill("");
    await page.getByRole("button", { name: "Save and Publish" }).click();
    const problems = page.getByRole("alert").filter({ hasText: "The assistant cannot be published" });
    await problems.waitFor();
    expect((await session.api<AssistantDetail>("GET", `/v1/assistants/${assistantId}`)).liveVersion).toBe(1);

    // From another dialog, the problem's link brings the admin back to the empty prompt.
    await dialogLink("Welcome").click();
    await problems.getByRole("button", { name: /\/dialogs\/1\/interactions\/0\/prompt/ }).click();
    await page.waitForURL(/\/dialogs\/ask-customer-name$/);
    const prompt = page.getByRole("textbox", { name: "Message prompt" });
    await expect
      .poll(() => prompt.evaluate((element) => element === element.ownerDocument.activeElement))
      .toBe(true);
  });
});
