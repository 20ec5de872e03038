import { type Condition, operatorsByAttributeType, valuelessOperators } from "../condition.ts";
import { attributeTypeOf } from "./attribute-types.ts";
import type { Check } from "./check-context.ts";
import { childPointer } from "./json-pointer.ts";
import { quoted } from "./labels.ts";
import { errorAt, type Problem } from "./problem.ts";

const listOperators = ["is_one_of", "is_not_one_of"];

function checkCondition(condition: Condition, pointer: string, context: Parameters<Check>[0]): Problem[] {
  const problems: Problem[] = [];
  const attributeName = `${condition.scope}.${condition.attribute}`;
  const type = attributeTypeOf(condition.scope, condition.attribute, context.options.klasses);
  if (type !== undefined && !operatorsByAttributeType[type].includes(condition.operator)) {
    problems.push(
      errorAt(
        childPointer(pointer, "operator"),
        "operator_not_allowed_for_attribute",
        `The operator ${quoted(condition.operator)} does not fit ${attributeName}, which is a ${type} attribute; ${type} attributes take ${operatorsByAttributeType[type].join(", ")}.`,
      ),
    );
  }
  if (valuelessOperators.includes(condition.operator)) return problems;
  if (condition.value === undefined || condition.value === "") {
    problems.push(
      errorAt(
        childPointer(pointer, "value"),
        "condition_value_missing",
        `The condition on ${attributeName} uses ${quoted(condition.operator)}, which compares with a value, but no value is given.`,
      ),
    );
  } else if (listOperators.includes(condition.operator) !== Array.isArray(condition.value)) {
    const expected = Array.isArray(condition.value) ? "a single value" : "a list of values";
    problems.push(
      errorAt(
        childPointer(pointer, "value"),
        "condition_value_invalid",
        `The condition on ${attributeName} uses ${quoted(condition.operator)}, which compares with ${expected}.`,
      ),
    );
  }
  return problems;
}

export const checkConditions: Check = (context) =>
  context.sites.flatMap(({ interaction, pointer }) => {
    if (interaction.kind !== "conditional_branch") return [];
    return interaction.branches.flatMap((branch, branchIndex) =>
      branch.conditions.flatMap((condition, conditionIndex) =>
        checkCondition(
          condition,
          childPointer(pointer, "branches", branchIndex, "conditions", conditionIndex),
          context,
        ),
      ),
    );
  });
