/**
 * Attachments in the widget, in Chromium against the fake server: choosing, pasting
 * and dropping files, and every way one can be refused.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuiteName, hasChromium } from "./chromium.ts";
import { timeout, useFakeShop } from "./fake-shop.ts";

// The smallest valid PNG: one transparent pixel.
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

/**
 * Drops or pastes a file made inside the page, as the operating system would:
 * a file built there costs no transfer, however large.
 */
function handOver(
  page: Page,
  how: "drop" | "paste",
  file: { name: string; type: string; size: number; withText?: string },
) {
  // A string, as the test code is type-checked without the DOM's event classes.
  return page.evaluate(`(() => {
    const file = ${JSON.stringify(file)};
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(file.size).fill(0x89)], file.name, { type: file.type }));
    if (file.withText) data.setData("text/plain", file.withText);
    const root = document.querySelector("[data-parley-widget]").shadowRoot;
    const init = { bubbles: true, cancelable: true };
    if (${JSON.stringify(how)} === "drop") {
      root.querySelector(".log").dispatchEvent(new DragEvent("dragover", { ...init, dataTransfer: data }));
      root.querySelector(".log").dispatchEvent(new DragEvent("drop", { ...init, dataTransfer: data }));
    } else {
      root.querySelector("textarea").dispatchEvent(new ClipboardEvent("paste", { ...init, clipboardData: data }));
    }
  })()`);
}

describe.skipIf(!hasChromium)(browserSuiteName("widget attachments in Chromium"), () => {
  const { openShop, openChat } = useFakeShop();

  it(
    "attaches a chosen file: uploading, then sent with the same id through a lost send, shown as a thumbnail",
    async () => {
      const { page, server } = await openShop();
      const log = await openChat(page);
      server.uploadDelayMilliseconds = 300;
      server.sendFailures.push("network");

      const chooser = page.waitForEvent("filechooser");
      await page.getByRole("button", { name: "Attach file" }).click();
      await (await chooser).setFiles({ name: "receipt.png", mimeType: "image/png", buffer: png });
      await log.locator(".pending", { hasText: "Uploading receipt.png…" }).waitFor();
      const thumbnail = log
        .locator(".from-customer[data-sequence]")
        .getByRole("img", { name: "receipt.png" });
      await thumbnail.waitFor();
      expect(await log.locator(".pending").count()).toBe(0);

      const [upload] = server.uploads();
      expect(upload?.headers).toMatchObject({
        "content-type": "image/png",
        "x-file-name": "receipt.png",
        "x-parley-visitor-token": "token-conversation-1",
      });
      expect(upload?.bytes).toBe(png.length);
      const [lost, retried] = server.sends();
      expect(retried?.body?.clientMessageId).toBe(lost?.body?.clientMessageId);
      expect(retried?.body?.attachments).toEqual([
        { url: "https://chat.test/v1/web-chat/files/file-1", mediaType: "image/png", name: "receipt.png" },
      ]);
      expect(server.uploads()).toHaveLength(1);
      const link = log.getByRole("link", { name: /receipt\.png/ });
      expect(await link.getAttribute("href")).toBe("https://chat.test/v1/web-chat/files/file-1");
      expect(await thumbnail.evaluate((image: { naturalWidth: number }) => image.naturalWidth)).toBe(1);

      // Any other file is its name and an icon, linking to it.
      await page.locator("[data-parley-widget] input[type=file]").setInputFiles({
        name: "order notes.txt",
        mimeType: "text/plain",
        buffer: Buffer.from("Order 1234"),
      });
      const fileLink = log
        .locator(".from-customer[data-sequence]")
        .getByRole("link", { name: /order notes\.txt/ });
      await fileLink.waitFor();
      expect(await fileLink.getAttribute("href")).toBe("https://chat.test/v1/web-chat/files/file-2");
      expect(await fileLink.getAttribute("target")).toBe("_blank");
      expect(server.uploads()[1]?.headers["x-file-name"]).toBe("order%20notes.txt");

      // A pasted screenshot is attached too; copied text that comes with a picture of itself stays text.
      await handOver(page, "paste", {
        name: "table.png",
        type: "image/png",
        size: 64,
        withText: "Size | Price",
      });
      await handOver(page, "paste", { name: "image.png", type: "image/png", size: 64 });
      await log.locator(".from-customer[data-sequence]").getByRole("img", { name: "image.png" }).waitFor();
      expect(server.uploads().map((upload) => upload.headers["x-file-name"])).toEqual([
        "receipt.png",
        "order%20notes.txt",
        "image.png",
      ]);

      // Links to files that are not on the web render as plain names.
      server.say(
        {
          kind: "attachment",
          attachments: [
            { url: "javascript:alert(1)", mediaType: "application/pdf", name: "sneaky.pdf" },
            {
              url: `data:image/png;base64,${png.toString("base64")}`,
              mediaType: "image/png",
              name: "inline.png",
            },
          ],
        },
        "customer",
      );
      await log.getByText("sneaky.pdf").waitFor();
      await log.getByText("inline.png").waitFor();
      expect(await log.getByRole("link", { name: /sneaky|inline/ }).count()).toBe(0);
      expect(await log.getByRole("img", { name: "inline.png" }).count()).toBe(0);
    },
    timeout,
  );

  it(
    "explains a file it cannot take, before uploading or from the server's answer, and uploads nothing more",
    async () => {
      const { page, server } = await openShop();
      const log = await openChat(page);
      const alert = page.getByRole("alert");
      const input = page.locator("[data-parley-widget] input[type=file]");
      expect(await input.getAttribute("accept")).toBe(
        "image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain",
      );

      await handOver(page, "drop", { name: "holiday.png", type: "image/png", size: 10 * 1024 * 1024 + 1 });
      await alert.getByText("That file is too large. Files can be up to 10 MB.").waitFor();
      await input.setInputFiles({ name: "setup.exe", mimeType: "application/x-msdownload", buffer: png });
      await alert.getByText("You can attach images (PNG, JPEG, GIF, WebP), PDFs and text files.").waitFor();
      await input.setInputFiles({ name: "empty.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) });
      await alert.getByText("That file is empty.").waitFor();
      expect(server.uploads()).toHaveLength(0);
      expect(server.conversationCount).toBe(1);

      const refusals: Array<[number, string]> = [
        [415, "That file couldn't be read as an image, PDF or text file."],
        [422, "This conversation has reached its limit of files."],
        [429, "You're sending messages too quickly."],
        [413, "That file is too large."],
      ];
      for (const [status, explanation] of refusals) {
        server.uploadFailures.push(status);
        await input.setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: png });
        await alert.getByText(explanation).waitFor();
      }
      expect(server.uploads()).toHaveLength(refusals.length);
      expect(server.sends()).toHaveLength(0);
      expect(await log.locator(".pending").count()).toBe(0);
    },
    timeout,
  );
});
