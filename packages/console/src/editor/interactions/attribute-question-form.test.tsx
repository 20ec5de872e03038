// @vitest-environment jsdom
import type { AttributeQuestion } from "@parley/model";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { answerSaveWithProblems, renderInteractionForm, testAssistant } from "./test-support.tsx";

const askForTeam: AttributeQuestion = {
  id: "ask-for-team-question",
  kind: "attribute_question",
  prompt: "Which team would you like to reach?",
  attribute: { klass: "conversation", attribute: "assignedTeams" },
  values: ["CX", "Sales", "Shipping"],
  skipIfSet: false,
};

type User = ReturnType<typeof userEvent.setup>;

async function choose(user: User, field: string, option: string) {
  await user.click(screen.getByRole("combobox", { name: field }));
  await user.click(screen.getByRole("option", { name: option }));
}

describe("Data Attribute Question", () => {
  it("offers the teams of Conversation > Assigned Teams, all of them or Custom Values", async () => {
    const user = userEvent.setup({ delay: null });
    const form = renderInteractionForm(testAssistant([askForTeam]));
    const values = () => form.interaction<AttributeQuestion>().values;
    expect(screen.getByRole("radio", { name: /All values/ })).toHaveProperty("checked", true);
    expect(screen.getByText("CX, Sales, Shipping")).toBeTruthy();

    await user.click(screen.getByRole("radio", { name: "Custom Values" }));
    const custom = screen.getByRole("combobox", { name: "Custom Values" });
    await user.click(custom);
    await user.keyboard("{Backspace}");
    expect(values()).toEqual(["CX", "Sales"]);
    await user.click(screen.getByRole("option", { name: "Shipping" }));
    expect(values()).toEqual(["CX", "Sales", "Shipping"]);
    // The admin chose Custom Values: picking every team again does not switch back to All values.
    expect(screen.getByRole("radio", { name: "Custom Values" })).toHaveProperty("checked", true);
  });

  it("lists only fields with values, and starts a new field with its values", async () => {
    const user = userEvent.setup({ delay: null });
    const form = renderInteractionForm(testAssistant([askForTeam]));
    await user.click(screen.getByRole("combobox", { name: /Field$/ }));
    const fields = screen.getAllByRole("option").map((option) => option.textContent);
    expect(fields).toEqual(["Brand", "Tags", "Assigned teams", "Plan", "Region"]);
    await user.click(screen.getByRole("option", { name: "Plan" }));
    expect(form.interaction<AttributeQuestion>()).toMatchObject({
      attribute: { klass: "conversation", attribute: "plan" },
      values: ["Basic", "Pro"],
    });
    expect(screen.getByRole("radio", { name: /All values/ })).toHaveProperty("checked", true);

    // More than 10 values cannot all be buttons: the first ten are offered, as Custom Values.
    await choose(user, "Display values from: Field", "Region");
    expect(form.interaction<AttributeQuestion>().values).toHaveLength(10);
    expect(screen.getByRole("radio", { name: /All values/ })).toHaveProperty("disabled", true);
    expect(screen.getByText("This field has 12 values; choose up to 10 as Custom Values.")).toBeTruthy();
    expect(screen.getByRole("radio", { name: "Custom Values" })).toHaveProperty("checked", true);
  });

  it("shows the server's refusal of an empty prompt under the prompt", async () => {
    const user = userEvent.setup({ delay: null });
    const definition = testAssistant([askForTeam]);
    renderInteractionForm(definition);
    await user.clear(screen.getByRole("textbox", { name: "Message prompt" }));
    answerSaveWithProblems(definition, [
      {
        path: "/dialogs/0/interactions/0/prompt",
        code: "invalid_value",
        message: "must not be empty",
        severity: "error",
      },
    ]);
    await user.click(screen.getByRole("button", { name: "Save Draft" }));
    await screen.findByText("must not be empty");
    expect(screen.getByRole("textbox", { name: "Message prompt" }).getAttribute("aria-invalid")).toBe("true");
  });
});
