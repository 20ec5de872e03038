import { type Branch, type Condition, conditionHolds } from "@parley/model";
import { readAttribute } from "./attributes.ts";
import type { Turn } from "./turn-context.ts";

export function evaluateCondition(turn: Turn, condition: Condition): boolean {
  return conditionHolds(condition, readAttribute(turn, condition.scope, condition.attribute));
}

export function branchMatches(turn: Turn, branch: Branch): boolean {
  return branch.match === "any"
    ? branch.conditions.some((condition) => evaluateCondition(turn, condition))
    : branch.conditions.every((condition) => evaluateCondition(turn, condition));
}
