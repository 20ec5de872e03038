import { describe, expect, it } from "vitest";
import {
  assistant,
  complete,
  problemsCoded,
  sendMessage,
  updateAttribute,
  welcome,
} from "./test-assistants.ts";

function withMessage(text: string) {
  return assistant({ dialogs: [welcome([sendMessage("hello", text)]), complete()] });
}

describe("text template placeholders", () => {
  it("must start with a known root", () => {
    expect(problemsCoded(withMessage("Hi {{custmer.name}}"), "unknown_template_root")).toEqual([
      {
        path: "/dialogs/0/interactions/0/text",
        code: "unknown_template_root",
        severity: "error",
        message:
          'In dialog "Welcome": The placeholder {{custmer.name}} starts with "custmer"; placeholders start with "customer", "conversation", "company", "session" or "snippet", such as {{customer.name}}.',
      },
    ]);
  });

  it("accept every known root", () => {
    const text =
      "{{customer.name}} {{conversation.priority}} {{company.name}} {{session.currentPage}} {{snippet.greeting}}";
    expect(validateProblems(withMessage(text))).toEqual([]);
  });

  it("must name a field", () => {
    expect(problemsCoded(withMessage("Hi {{customer}}"), "incomplete_placeholder")).toHaveLength(1);
  });

  it("use only known snippets when the snippets are given", () => {
    const definition = withMessage("{{snippet.greeting}} {{snippet.hours}}");
    expect(problemsCoded(definition, "unknown_snippet")).toEqual([]);
    const problems = problemsCoded(definition, "unknown_snippet", { snippets: ["greeting"] });
    expect(problems).toEqual([
      expect.objectContaining({ path: "/dialogs/0/interactions/0/text", severity: "error" }),
    ]);
    expect(problems[0]?.message).toContain('snippet "hours"');
  });

  it("are checked in settings messages, workflow inputs and attribute values too", () => {
    const definition = assistant({
      dialogs: [
        welcome([
          { id: "call", kind: "run_workflow", workflowId: "w", inputs: { email: "{{custome.email}}" } },
          updateAttribute("set-name", "conversation", "name", "Order {{order.number}}"),
        ]),
        complete(),
      ],
      settings: { volumeControl: { reminder: { message: "Still there, {{user.name}}?" } } },
    });
    expect(problemsCoded(definition, "unknown_template_root").map((problem) => problem.path)).toEqual([
      "/dialogs/0/interactions/0/inputs/email",
      "/dialogs/0/interactions/1/updates/0/value",
      "/settings/volumeControl/reminder/message",
    ]);
  });
});

function validateProblems(definition: unknown) {
  return (["unknown_template_root", "incomplete_placeholder", "unknown_snippet"] as const).flatMap((code) =>
    problemsCoded(definition, code),
  );
}
