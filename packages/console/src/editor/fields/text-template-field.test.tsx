// @vitest-environment jsdom
import type { SendMessage } from "@parley/model";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderInteractionForm, testAssistant } from "../interactions/test-support.tsx";
import { insertAtCursor } from "./insert-at-cursor.ts";

describe("insertAtCursor", () => {
  it("replaces the selection and puts the cursor after the insertion", () => {
    expect(insertAtCursor("Hi there", "{{customer.name}}", 3, 8)).toEqual({
      text: "Hi {{customer.name}}",
      cursor: 20,
    });
    expect(insertAtCursor("Hi", "!", 99)).toEqual({ text: "Hi!", cursor: 3 });
  });
});

describe("Insert placeholder", () => {
  const message: SendMessage = { id: "greeting", kind: "send_message", text: "Hello , welcome!" };

  it("inserts the chosen attribute where the cursor was, and keeps typing after it", async () => {
    const user = userEvent.setup({ delay: null });
    const form = renderInteractionForm(testAssistant([message]));
    const field = screen.getByRole("textbox", { name: "Message" });
    expect(field.getAttribute("data-pointer")).toBe("/dialogs/0/interactions/0/text");
    await user.click(field);
    (field as HTMLTextAreaElement).setSelectionRange(6, 6);

    await user.click(screen.getByRole("button", { name: "Insert placeholder" }));
    await user.type(screen.getByRole("textbox", { name: "Search attributes and snippets" }), "name");
    const customerGroup = screen
      .getAllByRole("group")
      .find((group) => group.textContent?.startsWith("Customer"));
    await user.click(
      within(customerGroup as HTMLElement).getByRole("option", { name: /Name\s*\{\{customer\.name\}\}/ }),
    );

    expect(form.interaction<SendMessage>().text).toBe("Hello {{customer.name}}, welcome!");
    expect(document.activeElement).toBe(field);
    await user.keyboard("!");
    expect(form.interaction<SendMessage>().text).toBe("Hello {{customer.name}}!, welcome!");
  });

  it("lists the organization's snippets and inserts them with the snippet root", async () => {
    const user = userEvent.setup({ delay: null });
    const form = renderInteractionForm(testAssistant([{ ...message, text: "Hours: " }]));
    await user.click(screen.getByRole("button", { name: "Insert placeholder" }));
    await user.click(screen.getByRole("option", { name: /openingHours/ }));
    expect(form.interaction<SendMessage>().text).toBe("Hours: {{snippet.openingHours}}");
  });

  it("offers no insertion to a user who cannot edit", () => {
    renderInteractionForm(testAssistant([message]), { readOnly: true });
    expect(screen.queryByRole("button", { name: "Insert placeholder" })).toBeNull();
    expect(screen.getByRole("textbox", { name: "Message" }).hasAttribute("readonly")).toBe(true);
  });
});
