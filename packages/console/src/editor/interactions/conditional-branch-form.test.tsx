// @vitest-environment jsdom
import type { ConditionalBranch } from "@parley/model";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { answerSaveWithProblems, renderInteractionForm, testAssistant } from "./test-support.tsx";

const vipCheck: ConditionalBranch = {
  id: "vip-check",
  kind: "conditional_branch",
  branches: [
    {
      id: "branch-1",
      match: "all",
      conditions: [{ scope: "conversation", attribute: "name", operator: "equals", value: "" }],
      interactions: [],
    },
  ],
};

type User = ReturnType<typeof userEvent.setup>;

async function choose(user: User, scope: HTMLElement, field: string, option: string) {
  await user.click(within(scope).getByRole("combobox", { name: field }));
  await user.click(screen.getByRole("option", { name: option }));
}

async function optionsOf(user: User, scope: HTMLElement, field: string): Promise<string[]> {
  await user.click(within(scope).getByRole("combobox", { name: field }));
  const names = screen.getAllByRole("option").map((option) => option.textContent ?? "");
  await user.keyboard("{Escape}");
  return names;
}

describe("Conditional Branch conditions", () => {
  it("offers the operators of the field's type and keeps the value in the operator's shape", async () => {
    const user = userEvent.setup({ delay: null });
    const form = renderInteractionForm(testAssistant([vipCheck]));
    const condition = () => form.interaction<ConditionalBranch>().branches[0]?.conditions[0];
    const row = screen.getByRole("group", { name: "condition 1" });

    await choose(user, row, "Field", "Priority");
    expect(condition()).toEqual({ scope: "conversation", attribute: "priority", operator: "equals" });
    const numberOperators = await optionsOf(user, row, "Operator");
    expect(numberOperators).toContain("is greater than");
    expect(numberOperators).not.toContain("contains");

    await choose(user, row, "Operator", "is greater than");
    await user.type(within(row).getByRole("textbox", { name: "Value" }), "3");
    expect(condition()).toMatchObject({ operator: "greater_than", value: 3 });

    await choose(user, row, "Operator", "is one of");
    expect(condition()?.value).toEqual(["3"]);
    await user.type(within(row).getByRole("combobox", { name: "Values" }), "5{Enter}");
    expect(condition()?.value).toEqual(["3", "5"]);
  });

  it("offers the condition scopes and drops the value of an operator that takes none", async () => {
    const user = userEvent.setup({ delay: null });
    const form = renderInteractionForm(testAssistant([vipCheck]));
    const condition = () => form.interaction<ConditionalBranch>().branches[0]?.conditions[0];
    const row = screen.getByRole("group", { name: "condition 1" });
    await choose(user, row, "Klass", "Customer");
    await choose(user, row, "Field", "Authenticated");
    expect(condition()).toEqual({ scope: "customer", attribute: "authenticated", operator: "is_true" });
    expect(within(row).queryByRole("combobox", { name: /^Values?$/ })).toBeNull();
    expect(await optionsOf(user, row, "Klass")).toEqual([
      "Conversation",
      "Customer",
      "Company",
      "Message",
      "Session",
    ]);
  });

  it("adds conditions and branches, matches any condition, redirects, and turns on In all other cases", async () => {
    const user = userEvent.setup({ delay: null });
    const form = renderInteractionForm(testAssistant([vipCheck]));
    const firstBranch = screen.getByRole("group", { name: "branch 1" });

    await user.click(within(firstBranch).getByRole("button", { name: "Add condition" }));
    await user.click(within(firstBranch).getByRole("radio", { name: "Any condition" }));
    await user.click(within(firstBranch).getByRole("textbox", { name: "Branch name" }));
    await user.paste("VIP customers");
    await choose(user, firstBranch, "Then redirect to dialog", "Complete Assistant");
    await user.click(screen.getByRole("button", { name: "Add branch" }));
    await user.click(screen.getByRole("checkbox", { name: /In all other cases/ }));

    const saved = form.interaction<ConditionalBranch>();
    expect(saved.branches.map((branch) => branch.id)).toEqual(["branch-1", "branch-2"]);
    expect(saved.branches[0]).toMatchObject({ name: "VIP customers", match: "any", redirectTo: "complete" });
    expect(saved.branches[0]?.conditions).toHaveLength(2);
    expect(saved.otherwise).toEqual({ interactions: [] });

    await user.click(screen.getByRole("button", { name: "Move branch 2 up" }));
    expect(form.interaction<ConditionalBranch>().branches.map((branch) => branch.id)).toEqual([
      "branch-2",
      "branch-1",
    ]);
  });

  it("shows the server's problem under the value it names after Save Draft", async () => {
    const user = userEvent.setup({ delay: null });
    const definition = testAssistant([vipCheck]);
    renderInteractionForm(definition);
    const message =
      'The condition on conversation.name uses "equals", which compares with a value, but no value is given.';
    answerSaveWithProblems(definition, [
      {
        path: "/dialogs/0/interactions/0/branches/0/conditions/0/value",
        code: "condition_value_missing",
        message,
        severity: "error",
      },
    ]);
    await user.click(screen.getByRole("button", { name: "Save Draft" }));
    await screen.findByText(message);
    const value = within(screen.getByRole("group", { name: "condition 1" })).getByRole("textbox", {
      name: "Value",
    });
    expect(value.getAttribute("aria-invalid")).toBe("true");
    expect(value.getAttribute("data-pointer")).toBe(
      "/dialogs/0/interactions/0/branches/0/conditions/0/value",
    );
  });
});
