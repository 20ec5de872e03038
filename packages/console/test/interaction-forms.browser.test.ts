/**
 * The interaction forms in the dialog editor: an admin edits several kinds of interaction in the
 * Welcome dialog, sees the server's problem under the field it names, saves the draft, and finds
 * every change after a reload.
 */
import type { Assistant, Interaction } from "@parley/model";
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
  draft: Assistant;
}

/** Welcome holds one interaction of several kinds, as an admin would have built it. */
function welcomeInteractions(): Interaction[] {
  return [
    { id: "greeting", kind: "send_message", text: "Welcome to Demo Store!" },
    {
      id: "ask-name",
      kind: "text_question",
      prompt: "What is your name?",
      saveTo: { klass: "customer", attribute: "name" },
      understandIntents: false,
    },
    {
      id: "ask-for-team",
      kind: "attribute_question",
      prompt: "Which team would you like to reach?",
      attribute: { klass: "conversation", attribute: "assignedTeams" },
      values: ["CX", "Sales", "Shipping"],
      skipIfSet: false,
    },
    {
      id: "vip-check",
      kind: "conditional_branch",
      branches: [
        {
          id: "vip",
          name: "VIP customers",
          match: "all",
          conditions: [{ scope: "conversation", attribute: "priority", operator: "greater_than", value: 3 }],
          interactions: [],
        },
      ],
    },
  ];
}

describe.skipIf(!hasChromium)(browserSuiteName("console interaction forms in Chromium"), () => {
  let session: ConsoleSession;
  let assistant: AssistantDetail;

  beforeAll(async () => {
    session = await startConsoleSession();
    const created = await session.api<AssistantDetail>("POST", "/v1/assistants", {
      internalName: "Forms assistant",
      channel: "chat",
      type: "premium",
    });
    const draft = structuredClone(created.draft);
    const welcome = draft.dialogs[0];
    if (!welcome) throw new Error("a new assistant has a Welcome dialog");
    welcome.interactions = welcomeInteractions();
    assistant = await session.api<AssistantDetail>("PUT", `/v1/assistants/${created.id}/draft`, draft);
    // Starting the server with its demo organization takes a while on a busy machine.
  }, 120_000);
  afterAll(async () => {
    await session?.stop();
  });

  async function openWelcome(page: Page) {
    await page.goto(`${session.address}/console/assistants/${assistant.id}`);
    // The Welcome dialog opens first; its forms render once the organization's lists have loaded.
    await page.getByRole("textbox", { name: "Message", exact: true }).waitFor({ timeout: 60_000 });
  }

  async function choose(page: Page, field: string, option: string) {
    await page.getByRole("combobox", { name: field, exact: true }).click();
    await page.getByRole("option", { name: option, exact: true }).click();
  }

  it("edits several forms, shows the server's problem under its field, saves and reloads", async () => {
    const page = await session.newPage();
    await session.signIn(page);
    await openWelcome(page);

    // Send a Message, with a placeholder inserted where the cursor is.
    const message = page.getByRole("textbox", { name: "Message", exact: true });
    await message.fill("Hi , welcome to Demo Store!");
    // The cursor goes after "Hi ", as an admin would put it with the keyboard.
    await message.press("Home");
    for (let step = 0; step < 3; step += 1) await message.press("ArrowRight");
    await page.getByRole("button", { name: "Insert placeholder" }).first().click();
    await page.getByRole("textbox", { name: "Search attributes and snippets" }).fill("name");
    await page.getByRole("option", { name: /^Name\s*\{\{customer\.name\}\}$/ }).click();
    await expect.poll(() => message.inputValue()).toBe("Hi {{customer.name}}, welcome to Demo Store!");

    // Customer Text Response: save the reply in Customer > Email instead of Name.
    await choose(page, "Save the customer's reply as an attribute: Field", "Email");

    // Data Attribute Question: Custom Values, without Shipping.
    await page.getByRole("radio", { name: "Custom Values" }).check();
    await page.getByRole("combobox", { name: "Custom Values" }).click();
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Escape");

    // Conditional Branch: priority "is at least" 4.
    await choose(page, "Operator", "is at least");
    await page.getByRole("textbox", { name: "Value", exact: true }).fill("4");

    // An empty prompt is refused by the server; its message shows under the prompt.
    const namePrompt = page.getByRole("textbox", { name: "Message prompt" }).first();
    await namePrompt.fill("");
    await page.getByRole("button", { name: "Save Draft" }).click();
    await expect.poll(() => namePrompt.getAttribute("aria-invalid")).toBe("true");
    // The message is the field's description for screen readers, not only red text nearby.
    const described = await namePrompt.getAttribute("aria-describedby");
    const errorId = described?.split(" ").find((id) => id.endsWith("error"));
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toMatch(/prompt.*must not be empty/i);

    await namePrompt.fill("What is your email address?");
    await page.getByRole("button", { name: "Save Draft" }).click();
    await page.getByText("Draft saved.").waitFor();

    const saved = await session.api<AssistantDetail>("GET", `/v1/assistants/${assistant.id}`);
    const [greeting, askName, askForTeam, vipCheck] = saved.draft.dialogs[0]?.interactions ?? [];
    expect(greeting).toMatchObject({ text: "Hi {{customer.name}}, welcome to Demo Store!" });
    expect(askName).toMatchObject({
      prompt: "What is your email address?",
      saveTo: { klass: "customer", attribute: "email" },
    });
    expect(askForTeam).toMatchObject({ values: ["CX", "Sales"] });
    expect(vipCheck).toMatchObject({
      branches: [{ conditions: [{ attribute: "priority", operator: "greater_or_equal", value: 4 }] }],
    });

    await page.reload();
    await page.getByRole("textbox", { name: "Message", exact: true }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole("textbox", { name: "Message", exact: true }).inputValue()).toBe(
      "Hi {{customer.name}}, welcome to Demo Store!",
    );
    expect(await page.getByRole("textbox", { name: "Message prompt" }).first().inputValue()).toBe(
      "What is your email address?",
    );
    expect(
      await page
        .getByRole("combobox", { name: "Save the customer's reply as an attribute: Field" })
        .inputValue(),
    ).toBe("Email");
    expect(await page.getByRole("radio", { name: "Custom Values" }).isChecked()).toBe(true);
    expect(await page.getByRole("combobox", { name: "Operator", exact: true }).inputValue()).toBe(
      "is at least",
    );
    expect(await page.getByRole("textbox", { name: "Value", exact: true }).inputValue()).toBe("4");
  }, 180_000);
});
