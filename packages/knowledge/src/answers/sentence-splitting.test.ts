import { describe, expect, it } from "vitest";
import { splitProse, splitSentences } from "./sentence-splitting.ts";

describe("splitProse", () => {
  it("splits on periods, question marks and exclamation marks", () => {
    expect(splitProse("Your order shipped. Where is it now? Track it here!")).toEqual([
      "Your order shipped.",
      "Where is it now?",
      "Track it here!",
    ]);
  });

  it("keeps abbreviations, initials and acronyms inside their sentence", () => {
    expect(
      splitProse(
        "Bring proof of purchase, e.g. a receipt. Ship it via the U.S. Postal Service. Ask Dr. Lee.",
      ),
    ).toEqual([
      "Bring proof of purchase, e.g. a receipt.",
      "Ship it via the U.S. Postal Service.",
      "Ask Dr. Lee.",
    ]);
    expect(
      splitProse("Orders placed before 12:00 p.m. Eastern Time ship today. Others ship tomorrow."),
    ).toEqual(["Orders placed before 12:00 p.m. Eastern Time ship today.", "Others ship tomorrow."]);
    expect(splitProse("Written by J. Smith in 2024. Updated yearly.")).toEqual([
      "Written by J. Smith in 2024.",
      "Updated yearly.",
    ]);
  });

  it("does not split decimals, prices, versions or addresses", () => {
    expect(splitProse("The fee is $4.99. Version 2.1.3 of the app at help.example.com fixes it.")).toEqual([
      "The fee is $4.99.",
      "Version 2.1.3 of the app at help.example.com fixes it.",
    ]);
  });

  it("does not start a sentence with a lowercase word", () => {
    expect(splitProse("It takes approx. two days. Then it ships.")).toEqual([
      "It takes approx. two days.",
      "Then it ships.",
    ]);
  });

  it("keeps closing quotes and brackets with their sentence, and handles Spanish abbreviations", () => {
    expect(splitProse('Click "Save." Then wait (about a minute.) Done.')).toEqual([
      'Click "Save."',
      "Then wait (about a minute.)",
      "Done.",
    ]);
    expect(splitProse("Escribe al Sr. García. Te responderá, p. ej. por correo. ¿Tienes dudas?")).toEqual([
      "Escribe al Sr. García.",
      "Te responderá, p. ej. por correo.",
      "¿Tienes dudas?",
    ]);
  });

  it("splits after a sentence that ends in a number or a link", () => {
    expect(splitProse("Call 555-0100. Or write to help.example.com/contact. We answer fast.")).toEqual([
      "Call 555-0100.",
      "Or write to help.example.com/contact.",
      "We answer fast.",
    ]);
  });
});

describe("splitSentences", () => {
  it("makes every list item its own piece, numbered or bulleted, whatever its punctuation", () => {
    const sentences = splitSentences(
      "To start a return:\n- Sign in. Open your orders.\n- Choose the order\n\nThen:\n1. Print the label.\n2) Drop it off.",
    );
    expect(sentences.map((sentence) => [sentence.kind, sentence.text])).toEqual([
      ["sentence", "To start a return:"],
      ["list-item", "- Sign in. Open your orders."],
      ["list-item", "- Choose the order"],
      ["sentence", "Then:"],
      ["list-item", "1. Print the label."],
      ["list-item", "2) Drop it off."],
    ]);
    expect(sentences[0]?.introducesList).toBe(0);
    expect(sentences[1]?.list).toBe(0);
    expect(sentences[3]?.introducesList).toBe(1);
    expect(sentences[5]?.list).toBe(1);
  });

  it("links a lead-in to a list in the next paragraph only when it ends with a colon", () => {
    const withColon = splitSentences("Follow these steps:\n\n- One.\n- Two.");
    expect(withColon[0]?.introducesList).toBe(0);
    const withoutColon = splitSentences("We love returns.\n\n- One.\n- Two.");
    expect(withoutColon[0]?.introducesList).toBeUndefined();
  });

  it("marks short lines without final punctuation as headings, and joins wrapped lines", () => {
    const sentences = splitSentences(
      "Transit time\nStandard shipping takes 5 days and\nexpedited takes 2. Done.",
    );
    expect(sentences.map((sentence) => [sentence.text, sentence.heading])).toEqual([
      ["Transit time", true],
      ["Standard shipping takes 5 days and expedited takes 2.", false],
      ["Done.", false],
    ]);
  });

  it("continues a list item on an indented line and counts paragraphs", () => {
    const sentences = splitSentences("Steps:\n- Open the app\n  and sign in.\n\nThat is all.");
    expect(sentences.map((sentence) => [sentence.text, sentence.paragraph])).toEqual([
      ["Steps:", 0],
      ["- Open the app and sign in.", 0],
      ["That is all.", 1],
    ]);
  });
});
