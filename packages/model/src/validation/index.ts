import { checkAttributeUpdates } from "./attribute-updates.ts";
import {
  checkAttachments,
  checkInteractionAvailability,
  checkTypeForChannel,
  checkVolumeControlAvailability,
} from "./availability.ts";
import { checkBusinessSchedulePaths, checkUnreachableAfterBranch } from "./branch-paths.ts";
import { type Check, createCheckContext } from "./check-context.ts";
import { checkConditions } from "./conditions.ts";
import {
  checkCompleteAssistantDialog,
  checkDuplicateDialogIds,
  checkUnlinkedDialogs,
  checkWelcomeDialog,
} from "./dialogs.ts";
import { checkDuplicateChoices, checkDuplicateInteractionIds } from "./duplicate-ids.ts";
import { checkIntents, checkNoIntentBehaviour } from "./intents.ts";
import { findJsonSyntaxError } from "./json-text.ts";
import { checkListOptions } from "./limits.ts";
import { checkEndlessLoops } from "./loops.ts";
import { errorAt, type Problem, type ValidationOptions, type ValidationResult } from "./problem.ts";
import { rawDialogNames } from "./raw-values.ts";
import { checkUnreachableDialogs } from "./reachability.ts";
import { checkDialogReferences, checkOrganizationReferences } from "./references.ts";
import { parseDefinition } from "./schema-stage.ts";
import { checkTextTemplates } from "./text-templates.ts";
import { checkVolumeControlTimers } from "./volume-control.ts";

export type { Problem, Severity, ValidationOptions, ValidationResult } from "./problem.ts";
export { hasErrors } from "./problem.ts";
export { type ErrorCode, type ProblemCode, problemCodes, type WarningCode } from "./problem-codes.ts";

/** The checks that need a definition the schema accepted, roughly from structure to detail. */
const semanticChecks: readonly Check[] = [
  checkWelcomeDialog,
  checkCompleteAssistantDialog,
  checkDuplicateDialogIds,
  checkDuplicateInteractionIds,
  checkDuplicateChoices,
  checkTypeForChannel,
  checkInteractionAvailability,
  checkAttachments,
  checkVolumeControlAvailability,
  checkVolumeControlTimers,
  checkDialogReferences,
  checkOrganizationReferences,
  checkUnlinkedDialogs,
  checkUnreachableAfterBranch,
  checkBusinessSchedulePaths,
  checkUnreachableDialogs,
  checkEndlessLoops,
  checkListOptions,
  checkIntents,
  checkNoIntentBehaviour,
  checkTextTemplates,
  checkConditions,
  checkAttributeUpdates,
];

const insideDialog = /^\/dialogs\/(\d+)\/(interactions|end)(\/|$)/;

/** Problems deep inside a dialog say which dialog, since interaction ids mean little to an admin. */
function withDialogNames(
  problems: readonly Problem[],
  dialogNames: readonly (string | undefined)[],
): Problem[] {
  return problems.map((problem) => {
    const match = insideDialog.exec(problem.path);
    const name = match ? dialogNames[Number(match[1])] : undefined;
    if (name === undefined || problem.message.includes(JSON.stringify(name))) return problem;
    return { ...problem, message: `In dialog ${JSON.stringify(name)}: ${problem.message}` };
  });
}

function compareSegments(left: string, right: string): number {
  const leftNumber = /^\d+$/.test(left) ? Number(left) : Number.NaN;
  const rightNumber = /^\d+$/.test(right) ? Number(right) : Number.NaN;
  if (!Number.isNaN(leftNumber) && !Number.isNaN(rightNumber)) return leftNumber - rightNumber;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Orders problems by where they are, so a reader can walk through the file; ties keep check order. */
function compareLocations(left: Problem, right: Problem): number {
  const leftSegments = left.path.split("/");
  const rightSegments = right.path.split("/");
  for (let index = 0; index < Math.min(leftSegments.length, rightSegments.length); index += 1) {
    const order = compareSegments(leftSegments[index] as string, rightSegments[index] as string);
    if (order !== 0) return order;
  }
  return leftSegments.length - rightSegments.length;
}

/**
 * Validates an assistant definition: first its shape against the schema, then,
 * when the shape is sound, the rules that span the whole assistant.
 */
export function validateAssistant(definition: unknown, options: ValidationOptions = {}): ValidationResult {
  const parsed = parseDefinition(definition);
  const problems = [...parsed.problems];
  if (parsed.assistant !== null) {
    const context = createCheckContext(parsed.assistant, options);
    for (const check of semanticChecks) problems.push(...check(context));
  }
  problems.sort(compareLocations);
  return { assistant: parsed.assistant, problems: withDialogNames(problems, rawDialogNames(definition)) };
}

/** Validates the text of an assistant file; malformed JSON gives one `invalid_json` problem. */
export function parseAssistantJson(text: string, options: ValidationOptions = {}): ValidationResult {
  const withoutByteOrderMark = text.startsWith("\uFEFF") ? text.slice(1) : text;
  let definition: unknown;
  try {
    definition = JSON.parse(withoutByteOrderMark);
  } catch (caught) {
    const mistake = findJsonSyntaxError(withoutByteOrderMark);
    const where = mistake
      ? `: ${mistake.reason}, at line ${mistake.line}, column ${mistake.column}`
      : `: ${String(caught)}`;
    return {
      assistant: null,
      problems: [errorAt("", "invalid_json", `The file is not valid JSON${where}.`)],
    };
  }
  return validateAssistant(definition, options);
}
