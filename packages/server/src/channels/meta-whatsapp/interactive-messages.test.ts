import type { ChoiceOption, OutboundMessage } from "@parley/engine";
import { describe, expect, it } from "vitest";
import { refusalOf } from "../../../test/providers/meta-provider-validation.ts";
import { plainTextOf, whatsappMarkup } from "../messaging/message-text.ts";
import type { ConnectionForAdapter, OutgoingPart, SendTarget } from "../messaging/messaging-adapter.ts";
import { renderMessage, truncated } from "./interactive-messages.ts";

const connection: ConnectionForAdapter = {
  id: "connection-1",
  provider: "meta",
  kind: "whatsapp",
  address: "109876543210987",
  apiBaseUrl: "https://graph.facebook.com/v23.0",
  credentials: { accessToken: "token", appSecret: "secret", verifyToken: "verify" },
};
const withTemplate: ConnectionForAdapter = {
  ...connection,
  whatsappTemplate: { name: "conversation_follow_up", language: "es" },
};
const target: SendTarget = { to: "+34612345678", channel: "whatsapp", withinServiceWindow: true };
const afterWindow: SendTarget = { ...target, withinServiceWindow: false };

// biome-ignore lint/suspicious/noExplicitAny: tests read the request bodies' fields as Meta documents them.
type Body = any;

function render(message: OutboundMessage, to: SendTarget = target, on = connection): OutgoingPart[] {
  const rendered = renderMessage(message, to, on);
  if ("failure" in rendered) throw new Error(rendered.failure);
  // Whatever the message, Meta would take every request.
  for (const part of rendered.parts) expect(refusalOf(part.body)).toBeNull();
  return rendered.parts;
}

function bodies(message: OutboundMessage, to?: SendTarget, on?: ConnectionForAdapter): Body[] {
  return render(message, to, on).map((part) => part.body);
}

/** What the shared text helpers make of a message, as the customer reads it (ends trimmed). */
const whatsappText = (message: OutboundMessage) => plainTextOf(message, "whatsapp").trim();
const markup = (markdown: string) => whatsappMarkup(markdown).trim();

function options(count: number, label = (index: number) => `Option ${index + 1}`): ChoiceOption[] {
  return Array.from({ length: count }, (_, index) => ({ id: `option-${index + 1}`, label: label(index) }));
}

describe("text on WhatsApp", () => {
  it("sends text to the WhatsApp id, in WhatsApp's markup", () => {
    const message: OutboundMessage = { kind: "text", text: "Your order **12345** ships _today_." };
    expect(bodies(message)).toEqual([
      {
        messaging_product: "whatsapp",
        recipient_type: "individual",
        to: "34612345678",
        type: "text",
        text: { body: whatsappText(message), preview_url: false },
      },
    ]);
  });

  it("sends 4096 characters as one message and 4097 as two, none over the limit", () => {
    expect(bodies({ kind: "text", text: "a".repeat(4096) })).toHaveLength(1);
    const split = render({ kind: "text", text: `${"word ".repeat(819)}words` });
    expect(split).toHaveLength(2);
    for (const part of split) expect((part.body as Body).text.body.length).toBeLessThanOrEqual(4096);
    expect(split.map((part) => part.summary)).toEqual(["text, part 1 of 2", "text, part 2 of 2"]);
  });

  it("sends an AI answer as text", () => {
    const message: OutboundMessage = {
      kind: "answer",
      answer: {
        found: true,
        text: "Returns are free for 30 days.",
        citations: [{ title: "Returns", url: "https://help.example.com/returns" }],
      },
    };
    expect(bodies(message).map((body) => body.text.body)).toEqual([whatsappText(message)]);
  });

  it("sends nothing for an empty text", () => {
    expect(render({ kind: "text", text: "" })).toEqual([]);
  });
});

describe("choices on WhatsApp", () => {
  const question = "How can we help?";

  it("sends up to three short options as reply buttons", () => {
    const [body] = bodies({ kind: "buttons", text: question, options: options(3) });
    expect(body.type).toBe("interactive");
    expect(body.interactive).toEqual({
      type: "button",
      body: { text: markup(question) },
      action: {
        buttons: [1, 2, 3].map((n) => ({
          type: "reply",
          reply: { id: `option-${n}`, title: `Option ${n}` },
        })),
      },
    });
  });

  it("takes button titles of exactly 20 characters, and lists options with longer ones", () => {
    const twenty = bodies({
      kind: "buttons",
      text: question,
      options: options(2, (i) => `${i}`.padEnd(20, "x")),
    });
    expect(twenty[0].interactive.type).toBe("button");
    const longer = bodies({
      kind: "buttons",
      text: question,
      options: options(2, (i) => `${i}`.padEnd(21, "x")),
    });
    expect(longer[0].interactive.type).toBe("list");
    expect(longer[0].interactive.action.sections[0].rows.map((row: Body) => row.title)).toEqual([
      "0".padEnd(21, "x"),
      "1".padEnd(21, "x"),
    ]);
  });

  it("lists four to ten options in one section, with the default button label", () => {
    for (const count of [4, 10]) {
      const [body] = bodies({ kind: "buttons", text: question, options: options(count) });
      expect(body.interactive.type).toBe("list");
      expect(body.interactive.action.button).toBe("Options");
      expect(body.interactive.action.sections).toHaveLength(1);
      expect(body.interactive.action.sections[0].rows).toHaveLength(count);
    }
  });

  it("sends eleven options as the numbered menu the engine matches by number", () => {
    const message: OutboundMessage = { kind: "buttons", text: question, options: options(11) };
    const parts = render(message);
    expect(parts.map((part) => part.summary)).toEqual(["text with a numbered menu"]);
    expect(bodies(message)).toMatchObject([{ type: "text", text: { body: whatsappText(message) } }]);
  });

  it("cuts row titles over 24 characters with an ellipsis and shows them whole below", () => {
    const label = "Cambiar la dirección de entrega";
    const [body] = bodies({
      kind: "list",
      text: question,
      buttonLabel: "Ver opciones",
      options: [{ id: "address", label }],
    });
    const [row] = body.interactive.action.sections[0].rows;
    expect(row).toEqual({ id: "address", title: "Cambiar la dirección de…", description: label });
    expect(row.title).toHaveLength(24);
    expect(body.interactive.action.button).toBe("Ver opciones");
  });

  it("keeps a row title of exactly 24 characters and a description of exactly 72", () => {
    const option = { id: "a", label: "t".repeat(24), description: "d".repeat(72) };
    const [body] = bodies({ kind: "list", text: question, buttonLabel: "", options: [option] });
    expect(body.interactive.action.sections[0].rows).toEqual([
      { id: "a", title: option.label, description: option.description },
    ]);
  });

  it("cuts a description over 72 characters", () => {
    const option = { id: "a", label: "Refunds", description: "d".repeat(73) };
    const [body] = bodies({ kind: "list", text: question, buttonLabel: "", options: [option] });
    const [row] = body.interactive.action.sections[0].rows;
    expect(row.description).toHaveLength(72);
    expect(row.description.endsWith("…")).toBe(true);
  });

  it("falls back to numbered text when cut titles could no longer be told apart", () => {
    const message: OutboundMessage = {
      kind: "list",
      text: question,
      buttonLabel: "",
      options: options(2, (i) => `Consultar el estado del pedido número ${i}`),
    };
    expect(bodies(message).map((body) => body.type)).toEqual(["text"]);
  });

  it("falls back to numbered text for options with the same title", () => {
    const message: OutboundMessage = { kind: "buttons", text: question, options: options(2, () => "Yes") };
    expect(bodies(message).map((body) => body.type)).toEqual(["text"]);
  });

  it("tells option ids apart exactly, as Meta does, but titles regardless of case", () => {
    const ids: OutboundMessage = {
      kind: "buttons",
      text: question,
      options: [
        { id: "a", label: "Yes" },
        { id: "A", label: "No" },
      ],
    };
    expect(bodies(ids)[0].interactive.type).toBe("button");
    const titles: OutboundMessage = {
      kind: "buttons",
      text: question,
      options: [
        { id: "a", label: "Yes" },
        { id: "b", label: "YES" },
      ],
    };
    expect(bodies(titles)[0].type).toBe("text");
  });

  it("lists short options that carry descriptions, which buttons cannot show", () => {
    const message: OutboundMessage = {
      kind: "buttons",
      text: question,
      options: [{ id: "a", label: "Refund", description: "Money back to your card" }],
    };
    expect(bodies(message)[0].interactive.action.sections[0].rows[0].description).toBe(
      "Money back to your card",
    );
  });

  it("cuts a list button label over 20 characters", () => {
    const [body] = bodies({
      kind: "list",
      text: question,
      buttonLabel: "Elige una de nuestras opciones",
      options: options(2),
    });
    expect(body.interactive.action.button).toBe("Elige una de nuestr…");
    expect(body.interactive.action.button).toHaveLength(20);
  });

  it("keeps a list a list even when three options would fit buttons", () => {
    expect(
      bodies({ kind: "list", text: question, buttonLabel: "Menu", options: options(3) })[0].interactive.type,
    ).toBe("list");
  });

  it("sends a body of 1024 characters with its options, and the start of a longer text before them", () => {
    expect(bodies({ kind: "buttons", text: "q".repeat(1024), options: options(2) })).toHaveLength(1);
    const paragraphs = `${"First paragraph. ".repeat(40).trim()}\n\n${"Second paragraph. ".repeat(40).trim()}`;
    const parts = bodies({ kind: "buttons", text: paragraphs, options: options(2) });
    expect(parts.map((body) => body.type)).toEqual(["text", "interactive"]);
    expect(parts[1].interactive.body.text.length).toBeLessThanOrEqual(1024);
    expect(parts[1].interactive.body.text).toContain("Second paragraph.");
  });

  it("sends an option list without words above it as numbered text, having no words of its own to put there", () => {
    expect(bodies({ kind: "buttons", text: "  ", options: options(2) }).map((body) => body.type)).toEqual([
      "text",
    ]);
  });

  it("sends feedback options as buttons", () => {
    const message: OutboundMessage = {
      kind: "feedback",
      text: "Was this helpful?",
      design: "thumbs",
      options: [
        { id: "positive", label: "👍" },
        { id: "negative", label: "👎" },
      ],
    };
    expect(bodies(message)[0].interactive.action.buttons.map((button: Body) => button.reply)).toEqual([
      { id: "positive", title: "👍" },
      { id: "negative", title: "👎" },
    ]);
  });

  it("sends cards as list rows with their descriptions, and more than ten as text", () => {
    const cards = Array.from({ length: 3 }, (_, index) => ({
      id: `order-${index}`,
      label: `Order #10${index}`,
      description: `Shipped on December ${index + 1}`,
      imageUrl: "https://shop.example.com/box.png",
    }));
    const [body] = bodies({ kind: "cards", text: "Which order?", cards });
    expect(body.interactive.type).toBe("list");
    expect(body.interactive.action.sections[0].rows[2]).toEqual({
      id: "order-2",
      title: "Order #102",
      description: "Shipped on December 3",
    });
    const many = Array.from({ length: 11 }, (_, index) => ({
      id: `order-${index}`,
      label: `Order #${index}`,
    }));
    expect(bodies({ kind: "cards", text: "Which order?", cards: many }).map((each) => each.type)).toEqual([
      "text",
    ]);
  });
});

describe("articles, files and the 24-hour window", () => {
  const articles = [
    { id: "a1", title: "Track a parcel", url: "https://help.example.com/track" },
    { id: "a2", title: "Change the *address*", url: "https://help.example.com/address" },
  ];

  it("sends articles with links as text that previews them", () => {
    const [body] = bodies({ kind: "articles", text: "These might help:", articles, options: [] });
    expect(body.text.preview_url).toBe(true);
    expect(body.text.body).toContain("*Track a parcel*\nhttps://help.example.com/track");
    expect(body.text.body).toContain("*Change the address*\nhttps://help.example.com/address");
  });

  it("asks whether the articles helped with buttons under them", () => {
    const message: OutboundMessage = {
      kind: "articles",
      text: "These might help:",
      articles,
      options: [
        { id: "helped", label: "That helped" },
        { id: "not_helped", label: "Not really" },
      ],
    };
    const [body] = bodies(message);
    expect(body.interactive.body.text).toContain("https://help.example.com/address");
    expect(body.interactive.action.buttons.map((button: Body) => button.reply.id)).toEqual([
      "helped",
      "not_helped",
    ]);
  });

  it.each([
    ["image/jpeg", "image"],
    ["image/png", "image"],
    ["video/mp4", "video"],
    ["application/pdf", "document"],
    ["image/gif", "document"],
  ])("sends a %s file as %s", (mediaType, type) => {
    const url = "https://files.example.com/f/receipt%20may.bin";
    const [body] = bodies({ kind: "attachment", attachment: { url, mediaType }, caption: "Your receipt" });
    expect(body.type).toBe(type);
    expect(body[type].link).toBe(url);
    expect(body[type].caption).toBe(markup("Your receipt"));
    if (type === "document") expect(body.document.filename).toBe("receipt may.bin");
  });

  it("sends a caption over 1024 characters after the file instead of cutting it", () => {
    const caption = "c".repeat(1025);
    const parts = bodies({
      kind: "attachment",
      attachment: { url: "https://files.example.com/a.png", mediaType: "image/png", name: "a.png" },
      caption,
    });
    expect(parts.map((body) => body.type)).toEqual(["image", "text"]);
    expect(parts[0].image.caption).toBeUndefined();
    expect(parts[1].text.body).toBe(caption);
  });

  it("records a failure outside the window when the number has no template", () => {
    expect(renderMessage({ kind: "text", text: "Hello again" }, afterWindow, connection)).toEqual({
      failure:
        "outside WhatsApp's 24-hour customer-service window, and no approved template is configured for this number",
    });
  });

  it("sends the message in the template's one body variable outside the window", () => {
    const message: OutboundMessage = { kind: "text", text: "We found your parcel." };
    expect(bodies(message, afterWindow, withTemplate)).toEqual([
      {
        messaging_product: "whatsapp",
        recipient_type: "individual",
        to: "34612345678",
        type: "template",
        template: {
          name: "conversation_follow_up",
          language: { code: "es" },
          components: [{ type: "body", parameters: [{ type: "text", text: whatsappText(message) }] }],
        },
      },
    ]);
  });

  it("lays a menu on one line and cuts it at 1024 characters for the template", () => {
    const menu = bodies(
      { kind: "text", text: "Still there?\n\nChoose:\n1. Track\n2. Return" },
      afterWindow,
      withTemplate,
    );
    const [parameter] = menu[0].template.components[0].parameters;
    expect(parameter.text).not.toMatch(/[\n\t]| {5,}/);
    expect(parameter.text).toContain("Still there? Choose:");
    const long = bodies({ kind: "text", text: "x ".repeat(2000) }, afterWindow, withTemplate);
    const text: string = long[0].template.components[0].parameters[0].text;
    expect(text).toHaveLength(1024);
    expect(text.endsWith("…")).toBe(true);
  });

  it("sends free-form messages within the window even when a template is configured", () => {
    expect(bodies({ kind: "text", text: "Hi" }, target, withTemplate)[0].type).toBe("text");
  });
});

describe("cutting titles", () => {
  it("never leaves half of a surrogate pair", () => {
    const cut = truncated(`${"a".repeat(18)}😀😀`, 20);
    expect(cut).toBe(`${"a".repeat(18)}…`);
    expect(cut.isWellFormed()).toBe(true);
  });

  it("leaves text within the limit alone", () => {
    expect(truncated("Refunds", 7)).toBe("Refunds");
  });
});
