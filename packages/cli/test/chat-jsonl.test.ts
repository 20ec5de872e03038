import { describe, expect, it } from "vitest";
import { runParleyWithInput } from "./piped-parley.ts";

function jsonl(...lines: string[]) {
  const run = runParleyWithInput(
    ["chat", "examples/tutorial.json", "--jsonl", "--context", "examples/respond-with-ai.context.yaml"],
    lines.map((line) => `${line}\n`).join(""),
  );
  return {
    ...run,
    output: run.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line)),
  };
}

const tenOClock = Date.parse("2026-03-02T10:00:00Z");

describe("parley chat --jsonl", { timeout: 60_000 }, () => {
  it("answers the start and every line with exactly one JSON line", () => {
    const run = jsonl(
      JSON.stringify({ type: "customer.text", text: "Alice" }),
      JSON.stringify({ type: "customer.choice", optionId: "value-2" }),
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.output).toHaveLength(3);
    expect(run.output[0]).toMatchObject({
      type: "turn",
      line: 0,
      now: tenOClock,
      status: "running",
      dialogId: "ask-customer-name",
      waiting: "text",
    });
    expect(run.output[1]).toMatchObject({ line: 1, dialogId: "ask-for-team", waiting: "choice" });
    expect(run.output[1].effects[0]).toEqual({
      type: "attribute.set",
      klass: "customer",
      attribute: "name",
      value: "Alice",
    });
    expect(run.output[2]).toMatchObject({ line: 2, status: "transferred", waiting: null });
    expect(run.output[2].effects.map((effect: { type: string }) => effect.type)).toEqual([
      "attribute.set",
      "message.send",
      "timer.cancel",
      "timer.cancel",
      "status.set",
      "conversation.transfer",
    ]);
  });

  it("reports bad lines and malformed JSON, and goes on", () => {
    const run = jsonl(
      JSON.stringify({ type: "customer.text" }),
      "{not json",
      "",
      JSON.stringify({ type: "customer.txt", text: "hi" }),
      JSON.stringify({ type: "customer.text", text: "Alice" }),
    );
    expect(run.status).toBe(0);
    expect(run.output).toHaveLength(6);
    expect(run.output[1]).toEqual({
      type: "error",
      line: 1,
      path: "/text",
      message: "Invalid input: expected string, received undefined",
    });
    expect(run.output[2]).toMatchObject({ type: "error", line: 2, path: "" });
    expect(run.output[2].message).toMatch(/^invalid JSON: /);
    expect(run.output[3]).toMatchObject({
      type: "error",
      line: 3,
      message: "empty line; expected a JSON object",
    });
    expect(run.output[4]).toMatchObject({ type: "error", line: 4, path: "/type" });
    expect(run.output[4].message).toContain("clock.advance");
    expect(run.output[5]).toMatchObject({ type: "turn", line: 5, dialogId: "ask-for-team" });
  });

  it("moves the virtual clock and returns the effects of the timers that fired", () => {
    const run = jsonl(
      JSON.stringify({ type: "clock.advance", milliseconds: 240_000 }),
      JSON.stringify({ type: "clock.advance", by: "1m" }),
      JSON.stringify({ type: "clock.advance", by: "soon" }),
      JSON.stringify({ type: "clock.advance", by: "5m" }),
    );
    expect(run.output[1]).toMatchObject({ type: "turn", now: tenOClock + 240_000, effects: [] });
    expect(run.output[2].now).toBe(tenOClock + 300_000);
    expect(run.output[2].effects).toEqual([
      { type: "message.send", message: { kind: "text", text: "Are you still there?" } },
      // The reminder repeats the assistant's last message (spec 10).
      { type: "message.send", message: { kind: "text", text: "First, what's your name?" } },
    ]);
    expect(run.output[3]).toMatchObject({ type: "error", line: 3, path: "/by" });
    expect(run.output[4]).toMatchObject({ status: "transferred", now: tenOClock + 600_000 });
    expect(run.output[4].effects).toContainEqual(
      expect.objectContaining({ type: "status.set", reason: "abandoned" }),
    );
  });

  it("includes the effects of I/O the harness answered from the context", () => {
    const run = runParleyWithInput(
      [
        "chat",
        "examples/respond-with-ai.json",
        "--jsonl",
        "--context",
        "examples/respond-with-ai.context.yaml",
      ],
      `${JSON.stringify({ type: "customer.text", text: "How do I get a refund?" })}\n`,
    );
    const turn = JSON.parse(run.stdout.trimEnd().split("\n")[1] ?? "{}");
    const types = turn.effects.map((effect: { type: string }) => effect.type);
    expect(types.indexOf("answer.request")).toBeLessThan(types.lastIndexOf("message.send"));
    expect(turn.effects).toContainEqual({
      type: "message.send",
      message: {
        kind: "answer",
        answer: expect.objectContaining({
          found: true,
          text: expect.stringContaining("refund within 30 days"),
        }),
      },
    });
    expect(turn.waiting).toBe("choice");
  });

  it("takes a 1 MB customer line", () => {
    const run = jsonl(JSON.stringify({ type: "customer.text", text: "y".repeat(1024 * 1024) }));
    expect(run.status).toBe(0);
    expect(run.output[1]).toMatchObject({ type: "turn", line: 1, dialogId: "ask-for-team" });
  });
});
