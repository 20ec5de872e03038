/** Assistant Settings in Chromium: names and volume control saved with the draft, what each channel shows, problems that lead to their field. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  browserSuiteName,
  type ConsoleSession,
  hasChromium,
  startConsoleSession,
} from "./console-browser.ts";

interface CreatedAssistant {
  id: string;
  draft: { publicName: string; settings: { volumeControl: { reminder: { afterMinutes: number } } } };
}

describe.skipIf(!hasChromium)(
  browserSuiteName("console Assistant Settings in Chromium"),
  { timeout: 60_000 },
  () => {
    let session: ConsoleSession;

    // Starting a server and Chromium takes a while on a busy machine.
    beforeAll(async () => {
      session = await startConsoleSession();
    }, 120_000);
    afterAll(async () => {
      await session?.stop();
    });

    const createAssistant = (internalName: string, channel: string, type: string) =>
      session.api<CreatedAssistant>("POST", "/v1/assistants", { internalName, channel, type });

    it("saves a new Public Name and reminder time with Save Draft, and shows them after a reload", async () => {
      const assistant = await createAssistant("Settings roundtrip", "chat", "premium");
      const page = await session.newPage();
      await session.signIn(page);
      await page.goto(`${session.address}/console/assistants/${assistant.id}/settings`);
      await page.getByRole("heading", { name: "Volume Control" }).waitFor();

      await page.getByLabel("Public Name", { exact: true }).fill("Ava from Support");
      const reminder = page.getByLabel("Remind customer to respond after");
      await reminder.fill("7");
      await page.getByText("Unsaved changes").waitFor();
      await page.getByRole("button", { name: "Save Draft" }).click();
      await page.getByText("Draft saved.").waitFor();

      await page.reload();
      await page.getByRole("heading", { name: "Volume Control" }).waitFor();
      await expect(page.getByLabel("Public Name", { exact: true }).inputValue()).resolves.toBe(
        "Ava from Support",
      );
      await expect(page.getByLabel("Remind customer to respond after").inputValue()).resolves.toBe("7");
      const saved = await session.api<CreatedAssistant>("GET", `/v1/assistants/${assistant.id}`);
      expect(saved.draft.publicName).toBe("Ava from Support");
      expect(saved.draft.settings.volumeControl.reminder.afterMinutes).toBe(7);
    });

    it("shows only the volume control settings the channel and type can use", async () => {
      const sms = await createAssistant("Texting", "sms", "premium");
      const voice = await createAssistant("Phone line", "voice", "lite");
      const liteChat = await createAssistant("Lite chat", "chat", "lite");
      const page = await session.newPage();
      await session.signIn(page);

      await page.goto(`${session.address}/console/assistants/${sms.id}/settings`);
      await page.getByRole("switch", { name: "Inactive customer reminder" }).waitFor();
      await page.getByRole("switch", { name: "Customer abandoned conversation" }).waitFor();
      await expect(page.getByRole("switch", { name: "Agent missed conversation" }).count()).resolves.toBe(0);

      await page.goto(`${session.address}/console/assistants/${voice.id}/settings`);
      await page.getByRole("switch", { name: "Inactive customer reminder" }).waitFor();
      await page.getByLabel("Prompts before transfer").waitFor();
      await expect(
        page.getByRole("switch", { name: "Customer abandoned conversation" }).count(),
      ).resolves.toBe(0);
      await expect(page.getByRole("switch", { name: "Agent missed conversation" }).count()).resolves.toBe(0);
      // Intents are for Premium and Pro: a Lite assistant has no Intents section.
      await expect(page.getByRole("heading", { name: "Intents" }).count()).resolves.toBe(0);

      // Lite chat has the missed-conversation setting, but marking done is Premium and Pro only.
      await page.goto(`${session.address}/console/assistants/${liteChat.id}/settings`);
      await page.getByRole("switch", { name: "Agent missed conversation" }).check();
      await page.getByLabel("Missed conversation after").waitFor();
      await page.getByRole("checkbox", { name: "I'll wait" }).waitFor();
      await expect(
        page.getByRole("switch", { name: "Mark conversation done if a channel isn't selected" }).count(),
      ).resolves.toBe(0);
    });

    it("shows the server's problems under their fields, and a problem's link opens and focuses its field", async () => {
      const assistant = await createAssistant("Needs fixing", "chat", "premium");
      const page = await session.newPage();
      await session.signIn(page);
      await page.goto(`${session.address}/console/assistants/${assistant.id}/settings`);
      const internalName = page.getByLabel("Internal Name");
      await internalName.fill("");
      await page.getByRole("button", { name: "Save Draft" }).click();
      await page.getByRole("button", { name: "/internalName" }).waitFor();
      await expect(internalName.getAttribute("aria-invalid")).resolves.toBe("true");
      await page.getByRole("button", { name: "/internalName" }).click();
      await expect
        .poll(() => page.locator(":focus").getAttribute("data-pointer", { timeout: 1000 }), {
          timeout: 10_000,
        })
        .toBe("/internalName");

      // A problem the draft may be saved with: abandoning before the reminder comes.
      await internalName.fill("Needs fixing");
      await page.getByRole("switch", { name: "Customer abandoned conversation" }).check();
      await page.getByLabel("Abandon conversation after").fill("3");
      await page.getByRole("button", { name: "Save Draft" }).click();
      await page.getByText("Draft saved.").waitFor();
      const pointer = "/settings/volumeControl/abandon/afterMinutes";
      await page.getByRole("button", { name: pointer }).waitFor();

      // From another tab, the link comes back to Assistant Settings and focuses the field.
      await page.getByRole("tab", { name: "Dialogs" }).click();
      await page.waitForURL(/\/dialogs\//);
      await page.getByRole("button", { name: pointer }).click();
      await page.waitForURL(/\/settings$/);
      await expect
        .poll(() => page.locator(":focus").getAttribute("data-pointer", { timeout: 1000 }), {
          timeout: 10_000,
        })
        .toBe(pointer);
      const abandonAfter = page.getByLabel("Abandon conversation after");
      await expect(abandonAfter.getAttribute("aria-invalid")).resolves.toBe("true");
      await page
        .getByRole("region", { name: "Customer abandoned conversation" })
        .getByText(/must be longer than the reminder's 5 min/)
        .waitFor();
    });

    it("lets a user without the assistants write scope read the settings but not change them", async () => {
      const assistant = await createAssistant("Look only", "chat", "premium");
      const credentials = {
        email: "agent.settings@parley.test",
        password: "a long agent password",
        role: "agent",
      };
      await session.api("POST", "/v1/users", { ...credentials, name: "Agent Alex" });
      const page = await session.newPage();
      await session.signIn(page, credentials.email, credentials.password);
      await page.goto(`${session.address}/console/assistants/${assistant.id}/settings`);
      const publicName = page.getByLabel("Public Name", { exact: true });
      await publicName.waitFor();
      await expect(publicName.getAttribute("readonly")).resolves.not.toBeNull();
      await expect(
        page.getByRole("switch", { name: "Inactive customer reminder" }).isDisabled(),
      ).resolves.toBe(true);
      await expect(page.getByRole("button", { name: "Save Draft" }).count()).resolves.toBe(0);
      await expect(page.getByRole("button", { name: "Add intent" }).count()).resolves.toBe(0);
    });
  },
);
