/** Signing in and out of the console, as the first start's admin and as an agent. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  adminEmail,
  adminPassword,
  browserSuiteName,
  type ConsoleSession,
  hasChromium,
  startConsoleSession,
} from "./console-browser.ts";

describe.skipIf(!hasChromium)(browserSuiteName("console sign-in in Chromium"), () => {
  let session: ConsoleSession;

  beforeAll(async () => {
    session = await startConsoleSession();
  });
  afterAll(async () => {
    await session?.stop();
  });

  it("sends a visitor to sign in, then back to the page they asked for", async () => {
    const page = await session.newPage();
    await page.goto(`${session.address}/console/customer-assist/rules`);
    await page.getByRole("heading", { name: "Sign in to Parley" }).waitFor();
    await page.getByLabel("Email").fill(adminEmail);
    await page.getByLabel(/^Password/).fill("wrong password, surely");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toMatch(/password is wrong/i);
    await page.getByLabel(/^Password/).fill(adminPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("tab", { name: "Rules", selected: true }).waitFor();

    await page.getByRole("button", { name: /Account: .*/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.getByText("You signed out.").waitFor();
    // Signed out means signed out: the console sends the next visit to sign in again.
    await page.goto(`${session.address}/console/customer-assist`);
    await page.getByRole("heading", { name: "Sign in to Parley" }).waitFor();
  });

  it("answers /admin and /app with the console", async () => {
    const response = await fetch(`${session.address}/admin`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/console");
  });

  it("sends an admin whose session expired back to sign in, saying why", async () => {
    const page = await session.newPage();
    await session.signIn(page);
    await page.context().clearCookies();
    await page.reload();
    await page.getByText("Your session expired. Sign in again to continue.").waitFor();
  });
});
