import type { OutboundMessage } from "@parley/engine";
import { describe, expect, it } from "vitest";
import { plainTextOf, smsSegmentsOf } from "./message-text.ts";

const articles = [
  { id: "a1", title: "Reset your password", url: "https://help.example.com/reset" },
  { id: "a2", title: "Change your email", url: "https://help.example.com/email", snippet: "Go to Settings" },
];

describe("plainTextOf", () => {
  describe("text", () => {
    it("converts Markdown for WhatsApp and keeps the WhatsApp markup its author wrote", () => {
      const message: OutboundMessage = {
        kind: "text",
        text: "**Hola** *Ana*, mira [la guía](https://x.io/g)",
      };
      expect(plainTextOf(message, "whatsapp")).toBe("*Hola* *Ana*, mira la guía (https://x.io/g)");
    });

    it("drops every marker on SMS", () => {
      const message: OutboundMessage = {
        kind: "text",
        text: "*Bienvenido* a _Acme_.\n\n- Pedidos\n- Devoluciones",
      };
      expect(plainTextOf(message, "sms")).toBe("Bienvenido a Acme.\n\n- Pedidos\n- Devoluciones");
    });
  });

  describe("attachment", () => {
    const attachment = { url: "https://files.example.com/invoice-7.pdf", mediaType: "application/pdf" };

    it("gives the caption, then the file's name and link", () => {
      const message: OutboundMessage = {
        kind: "attachment",
        attachment: { ...attachment, name: "Factura 7.pdf" },
        caption: "Tu **factura**",
      };
      expect(plainTextOf(message, "whatsapp")).toBe(
        "Tu *factura*\nFactura 7.pdf (https://files.example.com/invoice-7.pdf)",
      );
      expect(plainTextOf(message, "sms")).toBe(
        "Tu factura\nFactura 7.pdf (https://files.example.com/invoice-7.pdf)",
      );
    });

    it("gives the link alone for a file without name or caption", () => {
      expect(plainTextOf({ kind: "attachment", attachment }, "sms")).toBe(attachment.url);
    });
  });

  describe("choices", () => {
    const options = [
      { id: "track", label: "Track my order", description: "Where is my parcel?" },
      { id: "returns", label: "Returns" },
    ];

    it("writes buttons as the engine's numbered menu: the text, then one option a line", () => {
      const message: OutboundMessage = { kind: "buttons", text: "How can we help?", options };
      for (const style of ["sms", "whatsapp"] as const) {
        expect(plainTextOf(message, style)).toBe("How can we help?\n1. Track my order\n2. Returns");
      }
    });

    it("adds a list row's description after its label", () => {
      const message: OutboundMessage = { kind: "list", text: "Menu", buttonLabel: "Options", options };
      expect(plainTextOf(message, "sms")).toBe("Menu\n1. Track my order - Where is my parcel?\n2. Returns");
    });

    it("numbers feedback options like any other choice", () => {
      const message: OutboundMessage = {
        kind: "feedback",
        text: "Did this help?",
        design: "thumbs",
        options: [
          { id: "positive", label: "👍 Yes" },
          { id: "negative", label: "👎 No" },
        ],
      };
      expect(plainTextOf(message, "whatsapp")).toBe("Did this help?\n1. 👍 Yes\n2. 👎 No");
    });

    it("numbers cards with their title and description, without their images", () => {
      const message: OutboundMessage = {
        kind: "cards",
        text: "Pick your order:",
        cards: [
          { id: "o1", label: "A-1001", description: "Shipped", imageUrl: "https://cdn.example.com/1.png" },
          { id: "o2", label: "A-1002", description: "" },
        ],
      };
      expect(plainTextOf(message, "sms")).toBe("Pick your order:\n1. A-1001 - Shipped\n2. A-1002");
    });

    it("shows the menu alone when there is no text", () => {
      expect(plainTextOf({ kind: "buttons", text: "", options }, "sms")).toBe(
        "1. Track my order\n2. Returns",
      );
    });
  });

  describe("articles", () => {
    const message: OutboundMessage = {
      kind: "articles",
      text: "These articles might help:",
      articles,
      options: [
        { id: "helped", label: "That helped" },
        { id: "not_helped", label: "I still need help" },
      ],
    };

    it("lists the articles as links with bullets and numbers only the options the engine takes", () => {
      expect(plainTextOf(message, "whatsapp")).toBe(
        [
          "These articles might help:",
          "• Reset your password (https://help.example.com/reset)",
          "• Change your email (https://help.example.com/email)",
          "",
          "1. That helped",
          "2. I still need help",
        ].join("\n"),
      );
    });

    it("uses hyphens on SMS, keeping a message of GSM-7 words in GSM-7", () => {
      const text = plainTextOf(message, "sms");
      expect(text).toContain("\n- Reset your password (https://help.example.com/reset)\n");
      expect(smsSegmentsOf(text).encoding).toBe("GSM-7");
    });
  });

  describe("answer", () => {
    const answer = {
      found: true,
      text: "To reset it, open **Settings** and choose *Security*:\n\n1. Tap *Reset*\n2. Check your email",
      citations: [
        { title: "Reset your password", url: "https://help.example.com/reset" },
        { title: "Reset your password", url: "https://help.example.com/reset" },
        { title: "", url: "https://help.example.com/security" },
      ],
    };

    it("reads the model's Markdown as Markdown and lists each cited page once", () => {
      expect(plainTextOf({ kind: "answer", answer }, "whatsapp")).toBe(
        [
          "To reset it, open *Settings* and choose _Security_:",
          "",
          "1. Tap _Reset_",
          "2. Check your email",
          "",
          "• Reset your password (https://help.example.com/reset)",
          "• https://help.example.com/security",
        ].join("\n"),
      );
    });

    it("stays plain and in GSM-7 on SMS", () => {
      const text = plainTextOf({ kind: "answer", answer }, "sms");
      expect(text).toBe(
        [
          "To reset it, open Settings and choose Security:",
          "",
          "1. Tap Reset",
          "2. Check your email",
          "",
          "- Reset your password (https://help.example.com/reset)",
          "- https://help.example.com/security",
        ].join("\n"),
      );
      expect(smsSegmentsOf(text).encoding).toBe("GSM-7");
    });

    it("gives the text alone when nothing is cited", () => {
      const message: OutboundMessage = {
        kind: "answer",
        answer: { found: true, text: "Yes.", citations: [] },
      };
      expect(plainTextOf(message, "sms")).toBe("Yes.");
    });
  });

  describe("voice", () => {
    it("gives the words a caller would hear", () => {
      expect(plainTextOf({ kind: "voice.say", text: "Welcome to Acme." }, "sms")).toBe("Welcome to Acme.");
      expect(plainTextOf({ kind: "voice.say", text: "", audioUrl: "https://x.io/hi.mp3" }, "sms")).toBe(
        "https://x.io/hi.mp3",
      );
      expect(
        plainTextOf(
          { kind: "voice.gather", prompt: "Press 1 for sales.", mode: "digits", maxDigits: 1 },
          "sms",
        ),
      ).toBe("Press 1 for sales.");
      expect(
        plainTextOf({ kind: "voice.record", prompt: "Leave a message.", maxSeconds: 60 }, "whatsapp"),
      ).toBe("Leave a message.");
    });
  });
});
