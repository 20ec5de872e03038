import { describe, expect, it } from "vitest";
import { smsSegmentsOf } from "./sms-segments.ts";
import { authoredWhatsappText, plainMarkup, whatsappMarkup } from "./whatsapp-markup.ts";

describe("whatsappMarkup", () => {
  it.each([
    ["**bold**", "*bold*"],
    ["__bold__", "*bold*"],
    ["*italic*", "_italic_"],
    ["_italic_", "_italic_"],
    ["~~strike~~", "~strike~"],
    ["`npm install`", "```npm install```"],
    ["```\nline one\nline two\n```", "```line one\nline two```"],
    ["```js\nconst answer = 42;\n```", "```const answer = 42;```"],
    ["# Opening hours", "*Opening hours*"],
    ["### Returns", "*Returns*"],
    ["[our help center](https://help.example.com)", "our help center (https://help.example.com)"],
    ["[https://help.example.com](https://help.example.com)", "https://help.example.com"],
    ["[help.example.com/](https://help.example.com)", "https://help.example.com"],
    ["[Call us](tel:+34911234567)", "Call us (+34911234567)"],
    ["<https://help.example.com/a_b>", "https://help.example.com/a_b"],
    ["Write to [us](mailto:help@example.com)", "Write to us (help@example.com)"],
    ["Write to help@example.com", "Write to help@example.com"],
    ["![The label on the box](https://cdn.example.com/label.png)", "https://cdn.example.com/label.png"],
  ])("turns %j into %j", (markdown, expected) => {
    expect(whatsappMarkup(markdown)).toBe(expected);
  });

  it("writes bullet lists with bullets and keeps numbered lists and where they start", () => {
    expect(whatsappMarkup("- Track an order\n- Return an item")).toBe("• Track an order\n• Return an item");
    expect(whatsappMarkup("* one\n+ two")).toBe("• one\n• two");
    expect(whatsappMarkup("1. Open the app\n2. Tap *Orders*")).toBe("1. Open the app\n2. Tap _Orders_");
    expect(whatsappMarkup("3. Third\n4. Fourth")).toBe("3. Third\n4. Fourth");
  });

  it("indents nested lists and an item's further lines under the item's text", () => {
    const markdown = "1. Sign in\n   - with email\n   - or phone\n2. Open **Settings**\n\n   Then save.";
    expect(whatsappMarkup(markdown)).toBe(
      "1. Sign in\n   • with email\n   • or phone\n2. Open *Settings*\n\n   Then save.",
    );
  });

  it("marks task list items", () => {
    expect(whatsappMarkup("- [x] Paid\n- [ ] Shipped")).toBe("• [x] Paid\n• [ ] Shipped");
  });

  it("never nests a marker inside the same marker, which WhatsApp would show as stray asterisks", () => {
    expect(whatsappMarkup("# Our **new** plans")).toBe("*Our new plans*");
    expect(whatsappMarkup("**bold and _italic_ inside**")).toBe("*bold and _italic_ inside*");
    expect(whatsappMarkup("***both***")).toBe("_*both*_");
    expect(whatsappMarkup("*a **b** c*")).toBe("_a *b* c_");
    expect(whatsappMarkup("~~old **price**~~")).toBe("~old *price*~");
  });

  it("keeps escaped and intra-word markers as the literal characters they are", () => {
    expect(whatsappMarkup("\\*\\*not bold\\*\\*")).toBe("**not bold**");
    expect(whatsappMarkup("2 \\* 3 = 6")).toBe("2 * 3 = 6");
    expect(whatsappMarkup("Set order_status_code to 4")).toBe("Set order_status_code to 4");
    expect(whatsappMarkup("See https://example.com/a_b_c/~user")).toBe("See https://example.com/a_b_c/~user");
  });

  it("keeps line breaks, and blank lines only where the text had them", () => {
    expect(whatsappMarkup("Line one\nLine two\n\n\n\nNext paragraph")).toBe(
      "Line one\nLine two\n\nNext paragraph",
    );
    expect(whatsappMarkup("Choose:\n1. Sales\n2. Support")).toBe("Choose:\n1. Sales\n2. Support");
    expect(whatsappMarkup("Hard  \nbreak")).toBe("Hard\nbreak");
  });

  it("quotes with WhatsApp's quote marker", () => {
    expect(whatsappMarkup("> The parcel left **today**.\n>\n> Track it online.")).toBe(
      "> The parcel left *today*.\n>\n> Track it online.",
    );
  });

  it("lays out a table row by row as header: value lines", () => {
    const table = "| Plan | Price |\n|---|---|\n| Basic | 5 € |\n| **Pro** | 9 € |";
    expect(whatsappMarkup(table)).toBe("Plan: Basic\nPrice: 5 €\n\nPlan: *Pro*\nPrice: 9 €");
  });

  it("drops HTML tags, keeps their text and turns <br> into a line break", () => {
    expect(whatsappMarkup("One<br>two <b>three</b>")).toBe("One\ntwo three");
    expect(whatsappMarkup("<div>\n<p>Caf&eacute; &amp; bar</p>\n</div>")).toBe("Café & bar");
    expect(whatsappMarkup("Before<!-- a note -->after")).toBe("Beforeafter");
  });

  it("keeps angle brackets that hold the author's words rather than HTML", () => {
    expect(whatsappMarkup("Reply <STOP> to unsubscribe")).toBe("Reply <STOP> to unsubscribe");
    expect(plainMarkup("Send us <your order number>")).toBe("Send us <your order number>");
    expect(plainMarkup("<STOP>\n\nto unsubscribe")).toBe("<STOP>\n\nto unsubscribe");
  });

  it("decodes character references a text message would otherwise show as written", () => {
    expect(whatsappMarkup("AT&amp;T &lt;3 caf&#233; &#x1F600; &bogus;")).toBe("AT&T <3 café 😀 &bogus;");
  });

  it("leaves text without Markdown alone, accents and emoji included", () => {
    const text = "¡Hola! ¿En qué podemos ayudarte? 😀 Você já recebeu o código?";
    expect(whatsappMarkup(text)).toBe(text);
    expect(whatsappMarkup("")).toBe("");
    expect(whatsappMarkup("  \n\n ")).toBe("");
  });

  it("drops thematic breaks and link definitions, resolving reference links", () => {
    expect(
      whatsappMarkup("Above\n\n---\n\nSee [the guide][guide].\n\n[guide]: https://example.com/guide"),
    ).toBe("Above\n\nSee the guide (https://example.com/guide).");
  });
});

describe("authoredWhatsappText", () => {
  it("passes WhatsApp's own markup through, as spec 13 tells authors to write it", () => {
    const text = "*Bienvenido* a _Acme_. ~Cerrado~ Abierto. Código: ```A-123```";
    expect(authoredWhatsappText(text)).toBe(text);
  });

  it("still converts Markdown that has no WhatsApp meaning", () => {
    expect(authoredWhatsappText("**Hours:** see [our site](https://example.com)\n- Mon\n- Tue")).toBe(
      "*Hours:* see our site (https://example.com)\n• Mon\n• Tue",
    );
  });
});

describe("plainMarkup", () => {
  const markdown = [
    "## Cómo devolver un artículo",
    "Necesitas **el número de pedido** y _la etiqueta_. ~~Gratis~~ Cuesta `5 EUR`.",
    "",
    "1. Entra en [tu cuenta](https://example.com/cuenta)",
    "2. Elige el pedido",
    "   - *Devolver*",
    "",
    "```",
    "ORDER-123",
    "```",
    "",
    "> Más información: https://example.com/devoluciones",
  ].join("\n");

  it("keeps the layout and drops every markup character", () => {
    expect(plainMarkup(markdown)).toBe(
      [
        "Cómo devolver un artículo",
        "Necesitas el número de pedido y la etiqueta. Gratis Cuesta 5 EUR.",
        "",
        "1. Entra en tu cuenta (https://example.com/cuenta)",
        "2. Elige el pedido",
        "   - Devolver",
        "",
        "ORDER-123",
        "",
        "Más información: https://example.com/devoluciones",
      ].join("\n"),
    );
  });

  it("adds no character outside GSM-7, so an SMS costs what its words cost", () => {
    const gsmMarkdown =
      "# Hours\n\n- **Mon** to _Fri_\n- Sat\n\n> Closed on holidays. See [site](https://x.io).";
    expect(smsSegmentsOf(plainMarkup(gsmMarkdown)).encoding).toBe("GSM-7");
    expect(whatsappMarkup(gsmMarkdown)).toContain("•");
  });
});
