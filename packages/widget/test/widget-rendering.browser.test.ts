/**
 * Every message kind, frame and failure the protocol allows, rendered by the
 * widget in Chromium against the fake server of fake-chat-server.ts.
 */
import { describe, expect, it } from "vitest";
import { browserSuiteName, hasChromium } from "./chromium.ts";
import { shopUrl } from "./fake-chat-server.ts";
import { timeout, useFakeShop } from "./fake-shop.ts";

describe.skipIf(!hasChromium)(browserSuiteName("widget rendering in Chromium"), () => {
  const { openShop, openChat, send } = useFakeShop();

  it(
    "pops up a proactive message whose buttons answer it, or which can be dismissed",
    async () => {
      const proactiveBodies = [
        { kind: "text", text: "Need help with your order?" },
        { kind: "buttons", text: "Pick one", options: [{ id: "yes", label: "Yes please" }] },
      ];
      const { page, server } = await openShop({ proactiveBodies });
      const popup = page.getByRole("group", { name: "New message" });
      await popup.getByText("Need help with your order?").waitFor();
      expect(await page.getByRole("dialog").isVisible()).toBe(false);
      const session = server.requests.find((request) => request.path === "/v1/web-chat/proactive")?.body
        ?.session as Record<string, unknown>;
      expect(session).toMatchObject({
        currentPage: shopUrl,
        language: "en-US",
        timeOnPage: expect.any(Number),
      });

      await popup.getByRole("button", { name: "Yes please" }).click();
      await page.getByRole("dialog", { name: "Ava" }).waitFor();
      await page
        .getByRole("log")
        .locator(".from-customer[data-sequence]", { hasText: "Yes please" })
        .waitFor();
      expect(server.sends()[0]?.body).toMatchObject({ optionId: "yes", clientMessageId: expect.any(String) });
      expect(await popup.count()).toBe(0);

      const second = await openShop({ proactiveBodies });
      const secondPopup = second.page.getByRole("group", { name: "New message" });
      await secondPopup.waitFor();
      await secondPopup.getByRole("button", { name: "Dismiss" }).click();
      await secondPopup.waitFor({ state: "detached" });
      // Both proactive messages are news to a customer who has not opened the chat.
      await second.page.getByRole("button", { name: "Open chat (2 unread)" }).waitFor();
    },
    timeout,
  );

  it(
    "renders every message kind with its labels, links and options, in the brand's colours",
    async () => {
      const { page, server } = await openShop();
      const launcherBox = await page.getByRole("button", { name: "Open chat" }).boundingBox();
      expect(launcherBox?.x).toBeLessThan(100);
      const log = await openChat(page);
      await page.getByText("Chats are recorded.").waitFor();
      const headerColour = await page.evaluate(
        `getComputedStyle(document.querySelector("[data-parley-widget]").shadowRoot.querySelector(".header")).backgroundColor`,
      );
      expect(headerColour).toBe("rgb(10, 125, 59)");

      server.frame({ type: "typing", author: "assistant", active: true });
      await page.getByText("Ava is typing…").waitFor();
      server.say({
        kind: "list",
        text: "Which size?",
        buttonLabel: "Choose a size",
        options: [
          { id: "small", label: "Small" },
          { id: "medium", label: "Medium", description: "Fits most" },
        ],
      });
      const toggle = log.getByRole("button", { name: "Choose a size" });
      await toggle.waitFor();
      expect(await page.getByText("Ava is typing…").count()).toBe(0);
      expect(await toggle.getAttribute("aria-expanded")).toBe("false");
      await toggle.click();
      expect(await toggle.getAttribute("aria-expanded")).toBe("true");
      const medium = log.getByRole("button", { name: "Medium Fits most" });
      await medium.waitFor();

      server.say({
        kind: "cards",
        text: "Pick a colour",
        cards: [{ id: "red", label: "Red", description: "Bright", imageUrl: "https://cdn.test/red.png" }],
      });
      const card = log.getByRole("button", { name: "Red Bright" });
      await card.waitFor();
      expect(await card.locator("img").getAttribute("src")).toBe("https://cdn.test/red.png");

      server.say({
        kind: "articles",
        text: "These may help",
        articles: [
          {
            id: "a1",
            title: "Returns policy",
            url: "https://help.test/returns",
            snippet: "30 days to return",
          },
          { id: "a2", title: "Sneaky", url: "javascript:alert(1)" },
        ],
        options: [{ id: "solved", label: "That solved it" }],
      });
      const article = log.getByRole("link", { name: /Returns policy/ });
      await article.waitFor();
      expect(await article.getAttribute("target")).toBe("_blank");
      expect(await article.getAttribute("rel")).toBe("noopener noreferrer");
      expect(await article.textContent()).toContain("30 days to return");
      expect(await log.getByText("Sneaky").count()).toBe(1);
      expect(await log.getByRole("link", { name: /Sneaky/ }).count()).toBe(0);
      await log.getByRole("button", { name: "That solved it" }).waitFor();

      server.say({
        kind: "answer",
        answer: {
          found: true,
          text: "Returns take 5 days.",
          citations: [{ title: "Shipping FAQ", url: "https://help.test/faq" }],
        },
      });
      await log.getByText("Returns take 5 days.").waitFor();
      await log.getByText("Sources").waitFor();
      await log.getByRole("link", { name: /Shipping FAQ/ }).waitFor();

      server.say({
        kind: "feedback",
        text: "Was this helpful?",
        design: "thumbs",
        options: [
          { id: "positive", label: "👍 Yes" },
          { id: "negative", label: "👎 No" },
        ],
      });
      await log.getByRole("button", { name: "👍 Yes" }).waitFor();

      server.say({
        kind: "attachment",
        attachment: { url: "https://cdn.test/receipt.png", mediaType: "image/png", name: "Receipt" },
        caption: "Your receipt",
      });
      server.say({
        kind: "attachment",
        attachment: {
          url: "https://cdn.test/invoice.pdf",
          mediaType: "application/pdf",
          name: "Invoice.pdf",
        },
      });
      await log.getByRole("img", { name: "Receipt" }).waitFor();
      await log.getByText("Your receipt").waitFor();
      await log.getByRole("link", { name: /Invoice\.pdf/ }).waitFor();

      server.say({ kind: "event", event: "transferred", text: "Transferred to an agent" }, "system");
      const agentMessage = server.say({ kind: "text", text: "Hi, this is Sam." }, "agent", "Sam");
      await log.getByText("Hi, this is Sam.").waitFor();
      await log.getByText("Transferred to an agent").waitFor();
      const agentView = log.locator(".from-agent");
      expect(await agentView.locator(".author").textContent()).toBe("SamAgent");
      expect(await log.getByText("Bot", { exact: true }).count()).toBe(8);

      // A frame seen twice (a replay, a second process) shows once.
      server.frame({ type: "message", message: agentMessage });
      await medium.click();
      await log.locator(".from-customer[data-sequence]", { hasText: "Medium" }).waitFor();
      expect(server.sends().at(-1)?.body).toMatchObject({ optionId: "medium" });
      expect(await log.getByText("Hi, this is Sam.").count()).toBe(1);
      // Once the customer has answered, older options cannot be chosen any more.
      expect(await log.getByRole("button", { name: "That solved it" }).isDisabled()).toBe(true);
      expect(await card.isDisabled()).toBe(true);
    },
    timeout,
  );

  it(
    "shows an AI answer as it is written, in place of the typing line, until the answer itself arrives",
    async () => {
      const { page, server } = await openShop();
      const log = await openChat(page);
      server.frame({ type: "typing", author: "assistant", active: true });
      await page.getByText("Ava is typing…").waitFor();
      server.frame({ type: "draft", author: "assistant", requestId: "r1", text: "Returns are free" });
      const draft = log.locator(".draft");
      await draft.getByText("Returns are free").waitFor();
      expect(await page.getByText("Ava is typing…").count()).toBe(0);
      server.frame({
        type: "draft",
        author: "assistant",
        requestId: "r1",
        text: "Returns are free within 30 days",
      });
      await draft.getByText("Returns are free within 30 days").waitFor();
      expect(await draft.count()).toBe(1);
      server.say({
        kind: "answer",
        answer: {
          found: true,
          text: "Returns are free within 30 days.",
          citations: [{ title: "Returns", url: "https://help.test/returns" }],
        },
      });
      await log.locator("[data-sequence]", { hasText: "Returns are free within 30 days." }).waitFor();
      expect(await draft.count()).toBe(0);
    },
    timeout,
  );

  it(
    "comes back after the socket drops, resuming after the last message, showing nothing twice",
    async () => {
      const { page, server } = await openShop();
      server.replayOverlap = 2;
      const log = await openChat(page);
      await send(page, "Hello");
      await log.locator("[data-sequence]", { hasText: "Hello" }).waitFor();
      server.say({ kind: "text", text: "One moment." });
      await log.getByText("One moment.").waitFor();

      server.dropSocket();
      await expect.poll(() => server.socketUrls.length, { timeout: 10_000 }).toBe(2);
      expect(new URL(server.socketUrls[1] ?? "").searchParams.get("after")).toBe("3");
      server.say({ kind: "text", text: "Found it." });
      await log.getByText("Found it.").waitFor();
      const texts = await log.locator("[data-sequence]").allTextContents();
      expect(texts).toHaveLength(4);
      expect(new Set(texts).size).toBe(4);

      await page.keyboard.press("Escape");
      server.say({ kind: "text", text: "Anything else?" }, "agent");
      await page.getByRole("button", { name: "Open chat (1 unread)" }).waitFor();
    },
    timeout,
  );

  it(
    "retries a send lost on the network with the same id, and explains refusals politely",
    async () => {
      const { page, server } = await openShop();
      const log = await openChat(page);
      const textbox = page.getByRole("textbox", { name: "Type a message" });
      expect(await textbox.getAttribute("maxlength")).toBe("4096");

      server.sendFailures.push("network");
      await send(page, "Where is my order?");
      await log.locator("[data-sequence]", { hasText: "Where is my order?" }).waitFor();
      const [lost, retried] = server.sends();
      expect(retried?.body?.clientMessageId).toBe(lost?.body?.clientMessageId);
      expect(await log.getByText("Where is my order?").count()).toBe(1);

      server.sendFailures.push(429);
      await send(page, "Hello again");
      await page.getByRole("alert").getByText("You're sending messages too quickly").waitFor();
      expect(await textbox.inputValue()).toBe("Hello again");
      expect(await log.locator(".pending").count()).toBe(0);

      server.sendFailures.push(413);
      await send(page, "A very long story");
      await page.getByRole("alert").getByText("That message is too long").waitFor();
    },
    timeout,
  );

  it(
    "sends the customer token with the start, and identifies a conversation that already exists",
    async () => {
      const { page, server } = await openShop();
      await page.evaluate(`window.Parley.identify("token-before-start")`);
      await openChat(page);
      const start = server.requests.find((request) => request.path === "/v1/web-chat/conversations");
      expect(start?.body).toMatchObject({ customerToken: "token-before-start" });

      await page.evaluate(`window.Parley.identify("token-after-start")`);
      await expect
        .poll(() => server.requests.find((request) => request.path.endsWith("/identify"))?.body)
        .toEqual({ customerToken: "token-after-start" });
    },
    timeout,
  );

  it(
    "lets the customer start a new conversation once this one has ended",
    async () => {
      const { page, server } = await openShop();
      const log = await openChat(page);
      server.setStatus("ended", false);
      await send(page, "Are you there?");
      const startNew = page.getByRole("button", { name: "Start a new conversation" });
      await startNew.waitFor();
      await page.getByText("This conversation has ended.").waitFor();
      expect(await page.getByRole("textbox", { name: "Type a message" }).isVisible()).toBe(false);

      await startNew.click();
      await page.getByRole("textbox", { name: "Type a message" }).waitFor();
      await log.getByText("Hi! How can I help?").waitFor();
      expect(server.conversationCount).toBe(2);
      expect(await log.locator("[data-sequence]").count()).toBe(1);
      const stored = (await page.evaluate("JSON.stringify(localStorage)")) as string;
      expect(stored).toContain("conversation-2");
    },
    timeout,
  );
});
