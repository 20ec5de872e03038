import { describe, expect, it } from "vitest";
import { hasErrors, validateAssistant } from "./index.ts";
import {
  assistant,
  buttonQuestion,
  complete,
  dialog,
  fullPremiumChatAssistant,
  listSelector,
  redirect,
  sendMessage,
  textQuestion,
  transfer,
  welcome,
} from "./test-assistants.ts";

describe("validateAssistant", () => {
  it("finds no problem in a valid Premium web chat assistant that uses most interactions", () => {
    const result = validateAssistant(fullPremiumChatAssistant(), {
      snippets: [],
      intents: ["track_order", "read_articles", "say_goodbye"],
      schedules: ["office-hours"],
      knowledgeBases: ["public-kb"],
      workflows: ["lookup-order"],
      klasses: [
        {
          name: "order",
          attributes: [
            { name: "number", type: "text" },
            { name: "status", type: "choice" },
          ],
        },
      ],
    });
    expect(result.problems).toEqual([]);
  });

  it("finds no problem in a valid Lite WhatsApp assistant with a list selector", () => {
    const definition = assistant({
      channel: "whatsapp",
      type: "lite",
      dialogs: [
        welcome([textQuestion("name")], listSelector("topics", ["orders", "complete"])),
        dialog("orders", "Orders", [sendMessage("orders-info")], redirect("orders-end", "complete")),
        complete(),
      ],
    });
    expect(validateAssistant(definition).problems).toEqual([]);
  });

  it("finds no problem in a valid Lite voice assistant", () => {
    const definition = assistant({
      channel: "voice",
      type: "lite",
      dialogs: [
        welcome([
          { id: "greet", kind: "play_prompt", text: "Thanks for calling." },
          {
            id: "language",
            kind: "collect_language_preference",
            prompt: "For English press 1, para español oprima 2.",
            options: [
              { digits: "1", language: "en", label: "English" },
              { digits: "2", language: "es", label: "Español" },
            ],
          },
          {
            id: "menu",
            kind: "collect_customer_input",
            prompt: "Press 1 for orders.",
            mode: "digits",
            options: [{ id: "orders", digits: "1", dialogId: "complete" }],
          },
        ]),
        dialog("complete", "Complete Assistant", [], { id: "leave-message", kind: "voicemail" }),
      ],
    });
    expect(validateAssistant(definition).problems).toEqual([]);
  });

  it("returns the parsed assistant with defaults applied", () => {
    const { assistant: parsed } = validateAssistant(assistant());
    expect(parsed?.defaultLanguage).toBe("en");
    expect(parsed?.settings.volumeControl.reminder).toMatchObject({ enabled: true, afterMinutes: 5 });
    expect(parsed?.settings.volumeControl.abandon.afterMinutes).toBe(10);
  });

  it("keeps the parsed assistant when only semantic problems remain, so tools can still show it", () => {
    const result = validateAssistant(
      assistant({ channel: "sms", dialogs: [welcome([buttonQuestion("choice")]), complete()] }),
    );
    expect(result.assistant).not.toBeNull();
    expect(hasErrors(result.problems)).toBe(true);
  });

  it("orders problems by where they are in the file", () => {
    const definition = assistant({
      channel: "sms",
      dialogs: [
        welcome([buttonQuestion("first")], redirect("welcome-end", "nowhere")),
        dialog("other", "Other", [buttonQuestion("second")], transfer("other-end")),
        complete(),
      ],
    });
    const paths = validateAssistant(definition).problems.map((problem) => problem.path);
    expect(paths).toEqual(
      [...paths].sort((left, right) => left.localeCompare(right, "en", { numeric: true })),
    );
    expect(paths[0]).toBe("/dialogs/0/end/dialogId");
  });
});

describe("hasErrors", () => {
  it("is true only when an error is among the problems", () => {
    expect(hasErrors([])).toBe(false);
    expect(
      hasErrors([
        { path: "/dialogs", code: "missing_complete_assistant_dialog", severity: "warning", message: "m" },
      ]),
    ).toBe(false);
    expect(
      hasErrors([{ path: "/dialogs/0", code: "unlinked_dialog", severity: "error", message: "m" }]),
    ).toBe(true);
  });
});
