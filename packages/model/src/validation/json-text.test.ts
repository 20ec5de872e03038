import { describe, expect, it } from "vitest";
import { parseAssistantJson } from "./index.ts";
import { assistant } from "./test-assistants.ts";

function messageFor(text: string): string | undefined {
  const { assistant: parsed, problems } = parseAssistantJson(text);
  expect(parsed).toBeNull();
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ path: "", code: "invalid_json", severity: "error" });
  return problems[0]?.message;
}

describe("parseAssistantJson", () => {
  it("validates well-formed text like validateAssistant", () => {
    const result = parseAssistantJson(JSON.stringify(assistant(), null, 2));
    expect(result.problems).toEqual([]);
    expect(result.assistant?.internalName).toBe("Support assistant");
  });

  it("accepts a byte order mark, which some editors write", () => {
    expect(parseAssistantJson(`\uFEFF${JSON.stringify(assistant())}`).problems).toEqual([]);
  });

  it("names the line and column of a missing comma", () => {
    expect(messageFor('{\n  "a": 1\n  "b": 2\n}')).toBe(
      'The file is not valid JSON: expected "," or "}" after a property value but found "\\"" (is a comma missing?), at line 3, column 3.',
    );
  });

  it("recognises the mistakes people make when writing JSON by hand", () => {
    expect(messageFor('{"dialogs": [1, 2,]}')).toContain(
      'a trailing comma before "]" is not allowed in JSON, at line 1, column 18',
    );
    expect(messageFor('{\n  // the welcome dialog\n  "a": 1\n}')).toContain(
      "comments are not allowed in JSON, at line 2, column 3",
    );
    expect(messageFor("{'a': 1}")).toContain("property names must be in double quotes, not single quotes");
    expect(messageFor("{a: 1}")).toContain("property names must be in double quotes, at line 1, column 2");
    expect(messageFor('{"a": "two\nlines"}')).toContain("a line break inside text must be written as \\n");
    expect(messageFor('{"a": 1}}')).toContain("there is more text after the end of the JSON value");
    expect(messageFor('{"a": ')).toContain("the file ends before the JSON is complete");
    expect(messageFor("   ")).toContain("the file is empty");
  });
});
