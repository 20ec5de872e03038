/**
 * The Rules tab of Customer Assist (spec 06, 11): a brand's default assistant, a rule whose
 * audience picks an assistant, the preview that says who gets what, reordering, and read-only
 * access for an agent.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  browserSuiteName,
  type ConsoleSession,
  hasChromium,
  startConsoleSession,
} from "./console-browser.ts";

interface Listed<T> {
  data: T[];
}
interface AssistantRow {
  id: string;
  internalName: string;
}
interface RuleRow {
  id: string;
  name: string;
}

/** Picks an option of a Mantine Select, as a user does: open it, then click the option. */
async function choose(page: Page, field: ReturnType<Page["getByRole"]>, option: string) {
  await field.click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

describe.skipIf(!hasChromium)(browserSuiteName("console Rules tab in Chromium"), () => {
  let session: ConsoleSession;
  let respondWithAi: AssistantRow;
  let tutorial: AssistantRow;

  beforeAll(async () => {
    session = await startConsoleSession();
    const assistants = await session.api<Listed<AssistantRow>>("GET", "/v1/assistants");
    const byName = (name: string) => {
      const found = assistants.data.find((assistant) => assistant.internalName === name);
      if (!found) throw new Error(`the demo organization has no ${name}`);
      return found;
    };
    respondWithAi = byName("Respond with AI");
    tutorial = byName("Tutorial assistant");
  }, 120_000);
  afterAll(async () => {
    await session?.stop();
  });

  it("sets a brand's default assistant for chat, and it is still set after a reload", async () => {
    const page = await session.newPage();
    await session.signIn(page);
    await page.goto(`${session.address}/console/customer-assist/rules`);
    const select = page.getByRole("combobox", { name: "Default assistant for Demo Store" });
    await expect(select.inputValue()).resolves.toBe("Tutorial assistant");
    await choose(page, select, "Respond with AI");
    await page.getByText("Demo Store now runs Respond with AI by default.").waitFor();

    await page.reload();
    await expect(
      page.getByRole("combobox", { name: "Default assistant for Demo Store" }).inputValue(),
    ).resolves.toBe("Respond with AI");
    const defaults = await session.api<Listed<{ brandId: string; channel: string; assistantId: string }>>(
      "GET",
      "/v1/default-assistants",
    );
    expect(defaults.data.find((entry) => entry.channel === "chat")?.assistantId).toBe(respondWithAi.id);
    // Other channels have defaults of their own: WhatsApp has none.
    await page.getByText("WhatsApp", { exact: true }).click();
    await page.getByText("No assistant is published on WhatsApp yet.", { exact: false }).first().waitFor();
    await expect(
      page.getByRole("combobox", { name: "Default assistant for Demo Store" }).inputValue(),
    ).resolves.toBe("None");

    // The next tests need the demo's default back.
    await session.api("PUT", `/v1/default-assistants/${defaults.data[0]?.brandId ?? ""}/chat`, {
      assistantId: tutorial.id,
    });
  }, 60_000);

  it("adds a rule whose audience picks an assistant, and the preview says who gets it", async () => {
    const page = await session.newPage();
    await session.signIn(page);
    await page.goto(`${session.address}/console/customer-assist/rules`);
    await page.getByText("No rules yet").waitFor();
    await page.getByRole("button", { name: "Add Assistant Rule" }).click();
    const drawer = page.getByRole("dialog", { name: "Add Assistant Rule" });
    // Saving without an assistant: the server's problem shows under the field it names.
    await drawer.getByRole("textbox", { name: "Name" }).fill("Checkout help");
    await drawer.getByRole("button", { name: "Save Changes" }).click();
    await drawer.getByRole("alert").waitFor();
    await expect(
      drawer.getByRole("combobox", { name: "Assistant", exact: true }).getAttribute("aria-invalid"),
    ).resolves.toBe("true");

    await choose(page, drawer.getByRole("combobox", { name: "Assistant", exact: true }), "Respond with AI");
    await drawer.getByRole("button", { name: "Add condition" }).click();
    const condition = drawer.getByRole("group", { name: "Condition 1" });
    await choose(page, condition.getByRole("combobox", { name: "Filter by" }), "Session");
    await expect(condition.getByRole("combobox", { name: "Field" }).inputValue()).resolves.toBe(
      "Current Page",
    );
    await choose(page, condition.getByRole("combobox", { name: "Operator" }), "Contains");
    await condition.getByRole("textbox", { name: "Value" }).fill("/checkout");
    await drawer.getByRole("button", { name: "Save Changes" }).click();
    await page.getByText('The rule "Checkout help" is added', { exact: false }).waitFor();

    const rule = page.getByRole("listitem", { name: "Checkout help" });
    await rule.getByText("Session Current Page Contains “/checkout”").waitFor();
    await rule.getByText("Respond with AI, starting with Welcome (the first dialog)").waitFor();

    const preview = page.getByRole("region", { name: "Which assistant would this visitor get?" });
    const result = preview.getByRole("status", { name: "Result" });
    await preview.getByRole("textbox", { name: "Current Page" }).fill("https://shop.example/checkout");
    await preview.getByRole("button", { name: "Check" }).click();
    await result.getByText('Rule 1, "Checkout help", matches.').waitFor();
    await expect(result.textContent()).resolves.toContain("Respond with AI");

    await preview.getByRole("textbox", { name: "Current Page" }).fill("https://shop.example/home");
    await preview.getByRole("button", { name: "Check" }).click();
    await result.getByText("No rule matches, so Demo Store's default assistant for Chat runs.").waitFor();
    await expect(result.textContent()).resolves.toContain("Tutorial assistant");
  }, 60_000);

  it("reorders two rules with the keyboard, and the order is saved", async () => {
    for (const name of ["Returning customers", "Order page"]) {
      await session.api("POST", "/v1/rules", { name, channel: "chat", assistantId: tutorial.id });
    }
    const page = await session.newPage();
    await session.signIn(page);
    await page.goto(`${session.address}/console/customer-assist/rules`);
    // The rules as listed, in order; polled, since the list renders after its data loads.
    const order = () =>
      page
        .getByRole("list", { name: "Assistant rules" })
        .getByRole("listitem")
        .evaluateAll((items) => items.map((item) => item.getAttribute("aria-label")));
    await expect
      .poll(order, { timeout: 15_000 })
      .toEqual(["Checkout help", "Returning customers", "Order page"]);

    await page.getByRole("button", { name: "Move Order page up" }).focus();
    await page.keyboard.press("Enter");
    await page.getByText("The new order is saved.").waitFor();
    // The focus stays with the rule that moved, so pressing again keeps moving it.
    await page.keyboard.press("Enter");
    await page.getByText("The new order is saved.").first().waitFor();
    await expect
      .poll(order, { timeout: 15_000 })
      .toEqual(["Order page", "Checkout help", "Returning customers"]);
    await expect
      .poll(async () =>
        (await session.api<Listed<RuleRow>>("GET", "/v1/rules")).data.map((rule) => rule.name),
      )
      .toEqual(["Order page", "Checkout help", "Returning customers"]);

    await page.reload();
    await expect
      .poll(order, { timeout: 15_000 })
      .toEqual(["Order page", "Checkout help", "Returning customers"]);
  }, 60_000);

  it("shows an agent the rules and default assistants without any edit control", async () => {
    const email = "agent.rules@parley.test";
    const password = "an agent's long password";
    await session.api("POST", "/v1/users", { email, name: "Agent Rules", role: "agent", password });
    const page = await session.newPage();
    await session.signIn(page, email, password);
    await page.goto(`${session.address}/console/customer-assist/rules`);
    await page.getByRole("listitem", { name: "Checkout help" }).waitFor();
    await page.getByText("your role cannot change them", { exact: false }).waitFor();
    await page.getByRole("cell", { name: "Tutorial assistant" }).waitFor();

    await expect(page.getByRole("button", { name: "Add Assistant Rule" }).count()).resolves.toBe(0);
    await expect(
      page.getByRole("combobox", { name: "Default assistant for Demo Store" }).count(),
    ).resolves.toBe(0);
    await expect(page.getByRole("button", { name: /^(Move|Edit|Delete) / }).count()).resolves.toBe(0);
    await expect(page.getByRole("switch", { name: /^Enabled: / }).count()).resolves.toBe(0);
    // Reading is allowed: the preview still answers. "Order page" has no conditions and was moved first.
    const preview = page.getByRole("region", { name: "Which assistant would this visitor get?" });
    await preview.getByRole("button", { name: "Check" }).click();
    await preview
      .getByRole("status", { name: "Result" })
      .getByText('Rule 1, "Order page", matches.')
      .waitFor();
  }, 60_000);
});
