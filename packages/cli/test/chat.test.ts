import { describe, expect, it } from "vitest";
import { runParleyWithInput } from "./piped-parley.ts";
import { stackTraceLine } from "./run-parley.ts";

const chat = (input: string, ...options: string[]) =>
  runParleyWithInput(["chat", "examples/tutorial.json", ...options], input);

/** Lines of the transcript, without the timer notes that every turn prints. */
function transcript(stdout: string): string[] {
  return stdout.split("\n").filter((line) => line !== "" && !line.startsWith("[timer "));
}

// Each test starts a Node process (about half a second), so allow more than the default 5 s.
describe("parley chat", { timeout: 60_000 }, () => {
  it("talks through the tutorial to a transfer, with numbered options and notes", () => {
    const run = chat("Alice\n2\n", "--context", "examples/respond-with-ai.context.yaml");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = transcript(run.stdout);
    expect(lines).toEqual([
      "[chatting with Tutorial assistant (chat, lite) at 10:00; /help lists the commands]",
      expect.stringMatching(/^Support Bot: Hi! I'm a bot/),
      "Support Bot: First, what's your name?",
      "you: Alice",
      "[saved customer.name = Alice]",
      "Support Bot: Thanks! Which team would you like to talk to?",
      "  1) CX",
      "  2) Sales",
      "  3) Shipping",
      "you: 2",
      '[saved conversation.assignedTeams = ["Sales"]]',
      "Support Bot: Thanks, Alice! I'm connecting you with the team you chose. An agent will be with you shortly.",
      "[status: transferred — transfer to an agent]",
      '[transferred to agents: team Sales, collected customer.name = Alice, conversation.assignedTeams = ["Sales"]]',
    ]);
    expect(run.stdout).toContain("[timer reminder at 10:05]");
  });

  it("moves the clock with /wait and fires the reminder, then the abandon timer", () => {
    const context = "--context";
    const run = chat(
      "Alice\n/wait 4m\n/wait 60\n/wait 5m\n",
      context,
      "examples/respond-with-ai.context.yaml",
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = transcript(run.stdout);
    const afterFirstWait = lines.slice(lines.indexOf("you: /wait 4m") + 1, lines.indexOf("you: /wait 60"));
    expect(afterFirstWait).toEqual(["[clock 10:04]"]);
    const reminder = lines.slice(lines.indexOf("you: /wait 60") + 1, lines.indexOf("you: /wait 5m"));
    expect(reminder).toEqual([
      "[10:05 reminder timer fired]",
      "Support Bot: Are you still there?",
      "Support Bot: Thanks! Which team would you like to talk to?",
      "  1) CX",
      "  2) Sales",
      "  3) Shipping",
      "[clock 10:05]",
    ]);
    expect(run.stdout).toContain("[10:10 abandon timer fired]");
    expect(run.stdout).toContain("[status: transferred — abandoned]");
  });

  it("simulates agents, closing and voice input, and prints the state", () => {
    const run = chat(
      "Alice\n/input 1\n/assign sam\n/agent Hi, Sam here\n/done\n/state\n/close\n/nonsense\n/quit\nignored\n",
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("[agent sam assigned]");
    expect(run.stdout).toContain("[status: interrupted — an agent replied while the assistant was running]");
    expect(run.stdout).toContain('"status": "interrupted"');
    expect(run.stdout).not.toContain("you: ignored");
    expect(run.stderr).toBe("unknown command /nonsense; type /help for the commands\n");
  });

  it("survives a 1 MB customer line and any other content", () => {
    const huge = "x".repeat(1024 * 1024);
    const run = chat(`${huge}\n\u0000\u001b[31m{"type":"customer.closed"}\n/\n//wait 5m\n`);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("[saved customer.name = xxxx");
    expect(run.stdout).toContain("(4000 characters)");
    expect(run.stdout).toContain("you: \\u0000\\u001b[31m{");
    expect(run.stdout).not.toContain("\u001b");
    // `//` escapes a slash: the customer said "/wait 5m", which is not an answer to the team question.
    expect(run.stdout).toMatch(/you: \/\/wait 5m\nSupport Bot: Please choose one of the options\./);
    expect(run.stdout).not.toContain("[clock");
    expect(run.stdout).not.toMatch(stackTraceLine);
  });

  it("refuses an invalid assistant with its problems and exit code 1", () => {
    const run = runParleyWithInput(["chat", "packages/cli/package.json"], "");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("/schemaVersion");
    expect(run.stderr).toContain("packages/cli/package.json is not a valid assistant");
    expect(run.stdout).toBe("");
  });

  it("reports context problems as JSON pointers with exit code 2", () => {
    const run = chat("", "--context", "examples/tutorial.test.yaml");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("is not a valid context file:");
    expect(run.stderr).toContain("/assistant is not a known field (line 3)");
    expect(run.stderr).not.toMatch(stackTraceLine);
  });
});
