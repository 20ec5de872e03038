/**
 * Finds where hand-written JSON goes wrong. JSON.parse reports a position only
 * for some mistakes and words them for programmers, so this small scanner
 * re-reads text that JSON.parse refused and names the first mistake in terms
 * a person editing the file recognises (a trailing comma, a comment, a quote).
 */
export interface JsonSyntaxError {
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  column: number;
  reason: string;
}

class SyntaxMistake {
  offset: number;
  reason: string;
  constructor(offset: number, reason: string) {
    this.offset = offset;
    this.reason = reason;
  }
}

const whitespace = new Set([" ", "\t", "\n", "\r"]);
const simpleEscapes = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);

function describeCharacter(character: string | undefined): string {
  if (character === undefined) return "the end of the file";
  return JSON.stringify(character);
}

class Scanner {
  private readonly text: string;
  private position = 0;

  constructor(text: string) {
    this.text = text;
  }

  scanDocument(): void {
    this.skipWhitespace();
    if (this.position >= this.text.length) throw new SyntaxMistake(0, "the file is empty");
    this.scanValue();
    this.skipWhitespace();
    if (this.position < this.text.length) {
      throw new SyntaxMistake(this.position, "there is more text after the end of the JSON value");
    }
  }

  private peek(): string | undefined {
    return this.text[this.position];
  }

  private skipWhitespace(): void {
    while (whitespace.has(this.text[this.position] ?? "")) this.position += 1;
  }

  private scanValue(): void {
    const character = this.peek();
    if (character === "{") this.scanObject();
    else if (character === "[") this.scanArray();
    else if (character === '"') this.scanString();
    else if (character === "-" || (character !== undefined && character >= "0" && character <= "9"))
      this.scanNumber();
    else this.scanLiteral(character);
  }

  private scanLiteral(character: string | undefined): void {
    for (const literal of ["true", "false", "null"]) {
      if (this.text.startsWith(literal, this.position)) {
        this.position += literal.length;
        return;
      }
    }
    throw new SyntaxMistake(this.position, this.unexpectedValueReason(character));
  }

  private unexpectedValueReason(character: string | undefined): string {
    if (character === undefined) return "the file ends before the JSON is complete";
    if (character === "/") return "comments are not allowed in JSON";
    if (character === "'") return "text must be in double quotes, not single quotes";
    if (character === "}" || character === "]")
      return `a value is missing before ${describeCharacter(character)}`;
    return `expected a value but found ${describeCharacter(character)}`;
  }

  private scanObject(): void {
    this.position += 1;
    this.skipWhitespace();
    if (this.peek() === "}") {
      this.position += 1;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      this.expectPropertyName();
      this.scanString();
      this.skipWhitespace();
      if (this.peek() !== ":") {
        throw new SyntaxMistake(
          this.position,
          `expected ":" after a property name but found ${describeCharacter(this.peek())}`,
        );
      }
      this.position += 1;
      this.skipWhitespace();
      this.scanValue();
      this.skipWhitespace();
      const next = this.peek();
      if (next === "}") {
        this.position += 1;
        return;
      }
      if (next !== ",") {
        throw new SyntaxMistake(
          this.position,
          `expected "," or "}" after a property value but found ${describeCharacter(next)} (is a comma missing?)`,
        );
      }
      const comma = this.position;
      this.position += 1;
      this.skipWhitespace();
      if (this.peek() === "}")
        throw new SyntaxMistake(comma, 'a trailing comma before "}" is not allowed in JSON');
    }
  }

  private expectPropertyName(): void {
    const character = this.peek();
    if (character === '"') return;
    if (character === "/") throw new SyntaxMistake(this.position, "comments are not allowed in JSON");
    if (character === "'")
      throw new SyntaxMistake(this.position, "property names must be in double quotes, not single quotes");
    if (character !== undefined && /[A-Za-z_$]/.test(character)) {
      throw new SyntaxMistake(this.position, "property names must be in double quotes");
    }
    throw new SyntaxMistake(
      this.position,
      `expected a property name in double quotes but found ${describeCharacter(character)}`,
    );
  }

  private scanArray(): void {
    this.position += 1;
    this.skipWhitespace();
    if (this.peek() === "]") {
      this.position += 1;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      this.scanValue();
      this.skipWhitespace();
      const next = this.peek();
      if (next === "]") {
        this.position += 1;
        return;
      }
      if (next !== ",") {
        throw new SyntaxMistake(
          this.position,
          `expected "," or "]" after a list item but found ${describeCharacter(next)} (is a comma missing?)`,
        );
      }
      const comma = this.position;
      this.position += 1;
      this.skipWhitespace();
      if (this.peek() === "]")
        throw new SyntaxMistake(comma, 'a trailing comma before "]" is not allowed in JSON');
    }
  }

  private scanString(): void {
    const start = this.position;
    this.position += 1;
    for (;;) {
      const character = this.peek();
      if (character === undefined)
        throw new SyntaxMistake(start, "a text value is not closed with a double quote");
      if (character === '"') {
        this.position += 1;
        return;
      }
      if (character < " ") {
        throw new SyntaxMistake(
          this.position,
          "a line break inside text must be written as \\n (or a closing quote is missing)",
        );
      }
      if (character === "\\") this.scanEscape();
      else this.position += 1;
    }
  }

  private scanEscape(): void {
    const escaped = this.text[this.position + 1];
    if (escaped !== undefined && simpleEscapes.has(escaped)) {
      this.position += 2;
      return;
    }
    if (escaped === "u" && /^[0-9A-Fa-f]{4}$/.test(this.text.slice(this.position + 2, this.position + 6))) {
      this.position += 6;
      return;
    }
    throw new SyntaxMistake(
      this.position,
      'a backslash in text must start an escape such as \\n, \\" or \\\\',
    );
  }

  private scanNumber(): void {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.position));
    if (match === null || match[0] === "-")
      throw new SyntaxMistake(this.position, "a number is not written correctly");
    this.position += match[0].length;
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split("\n");
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** Returns the first syntax mistake in `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  try {
    new Scanner(text).scanDocument();
    return null;
  } catch (caught) {
    if (caught instanceof SyntaxMistake) {
      return { offset: caught.offset, ...lineAndColumn(text, caught.offset), reason: caught.reason };
    }
    // Nesting deep enough to exhaust the stack: report the start rather than crash.
    if (caught instanceof RangeError)
      return { offset: 0, line: 1, column: 1, reason: "the JSON is nested too deeply" };
    throw caught;
  }
}
