import { describe, expect, it } from "vitest";
import { splitText } from "./text-splitting.ts";

/** What every split must keep, whatever the text: the room, no empty or padded piece, no broken character. */
function expectWellFormed(pieces: string[], text: string, limit: number): void {
  for (const piece of pieces) {
    expect(piece.length, JSON.stringify(piece)).toBeLessThanOrEqual(limit);
    expect(piece.trim(), "no empty or padded piece").toBe(piece);
    expect(piece).not.toBe("");
    expect(piece.isWellFormed(), `no lone surrogate in ${JSON.stringify(piece)}`).toBe(true);
  }
  // Nothing lost, nothing added, nothing reordered: only whitespace at the cuts goes.
  expect(pieces.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
}

function split(text: string, limit: number): string[] {
  const pieces = splitText(text, limit);
  expectWellFormed(pieces, text, limit);
  return pieces;
}

describe("splitText", () => {
  it("returns a text that fits as its one piece", () => {
    expect(split("Hello, how can we help?", 1600)).toEqual(["Hello, how can we help?"]);
    expect(split("x".repeat(20), 20)).toEqual(["x".repeat(20)]);
  });

  it("gives no piece for an empty or blank text, and trims the ends of others", () => {
    expect(split("", 10)).toEqual([]);
    expect(split(" \n\t \n", 10)).toEqual([]);
    expect(split("\n\n  Hello  \n", 10)).toEqual(["Hello"]);
  });

  it("cuts between paragraphs first", () => {
    const first = "Your parcel left our warehouse this morning.\nIt travels with Correos.";
    const second = "You can follow it online. It should arrive tomorrow.";
    expect(split(`${first}\n\n${second}`, 80)).toEqual([first, second]);
    expect(split(`${first}\r\n\r\n${second}`, 80)).toEqual([first, second]);
  });

  it("then between lines, keeping a numbered menu's lines whole", () => {
    const text = "Please choose one of these:\n1. Track my order\n2. Return an item\n3. Talk to an agent";
    expect(split(text, 50)).toEqual([
      "Please choose one of these:\n1. Track my order",
      "2. Return an item\n3. Talk to an agent",
    ]);
  });

  it("then after a sentence", () => {
    const text =
      "We have received your request. An agent will reply within two hours! Thank you for waiting.";
    expect(split(text, 75)).toEqual([
      "We have received your request. An agent will reply within two hours!",
      "Thank you for waiting.",
    ]);
    expect(split("¿Dónde está? «Aquí.» Gracias por esperar tanto tiempo.", 22)).toEqual([
      "¿Dónde está? «Aquí.»",
      "Gracias por esperar",
      "tanto tiempo.",
    ]);
  });

  it("then between words", () => {
    expect(split("one two three four five six seven", 15)).toEqual([
      "one two three",
      "four five six",
      "seven",
    ]);
  });

  it("prefers a later boundary of a lesser kind to a piece less than half full", () => {
    const text = `Hi.\n\n${"word ".repeat(30).trim()}`;
    const pieces = split(text, 60);
    expect(pieces[0]?.startsWith("Hi.\n\nword")).toBe(true);
    expect(pieces[0]?.length).toBeGreaterThan(30);
  });

  it("cuts a word longer than the room between characters", () => {
    expect(split("abcdefghij klm", 4)).toEqual(["abcd", "efgh", "ij", "klm"]);
  });

  it("never cuts a surrogate pair or an emoji made of several characters", () => {
    const faces = "😀".repeat(10);
    for (const limit of [2, 3, 5, 7]) {
      for (const piece of split(faces, limit)) expect(piece.length % 2, piece).toBe(0);
    }
    const family = "👨‍👩‍👧".repeat(4);
    for (const piece of split(family, 20)) expect(piece).toMatch(/^(👨‍👩‍👧)+$/u);
    // A single emoji longer than the room is cut between its code points, never inside one.
    expect(split("👨‍👩‍👧", 3)).toEqual(["👨\u200d", "👩\u200d", "👧"]);
  });

  it("cuts CJK text after its full stops, which take no space after them", () => {
    expect(split("ご注文を受け付けました。明日お届けします。", 15)).toEqual([
      "ご注文を受け付けました。",
      "明日お届けします。",
    ]);
  });

  it("never cuts a link that fits in a piece", () => {
    const link = "https://help.example.com/articles/reset-password";
    const glued = `${"x".repeat(30)}(${link})`;
    const pieces = split(glued, 60);
    expect(pieces).toEqual(["x".repeat(30).concat("("), `${link})`]);
    const spaced = `Reset your password here: ${link} and sign in again.`;
    expect(split(spaced, 60).some((piece) => piece.includes(link))).toBe(true);
  });

  it("cuts a link longer than any piece, since it cannot be sent whole", () => {
    const link = `https://example.com/${"a".repeat(60)}`;
    expect(split(link, 30)).toHaveLength(3);
  });

  it("refuses a limit that cannot hold every character", () => {
    for (const limit of [0, 1, 1.5, Number.NaN, -4]) {
      expect(() => splitText("text", limit)).toThrow(/limit must be an integer of at least 2/);
    }
  });

  it("keeps its promises on long mixed texts at every limit", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const words = [
      "pedido",
      "envío",
      "😀",
      "👍🏽",
      "https://example.com/a?b=c",
      "Ação.",
      "no",
      "\n",
      "\n\n",
      "x".repeat(40),
    ];
    for (let round = 0; round < 12; round += 1) {
      const text = Array.from({ length: 200 }, () => words[Math.floor(random() * words.length)]).join(" ");
      for (const limit of [2, 9, 40, 160, 1600]) split(text, limit);
    }
  });
});
