import { assistantStatuses, effectTypes } from "@parley/engine";
import { z } from "zod";
import { durationHelp, parseDuration } from "../conversation/duration.ts";

/** YAML reads `2` and `true` as numbers and booleans; where text is meant, take them as text. */
const Text = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const OneOrMore = z.union([Text.transform((text) => [text]), z.array(Text)]);

const Duration = Text.refine((text) => parseDuration(text) !== null, `must be ${durationHelp}`);

const TransferExpectation = z.union([
  z.boolean(),
  z.strictObject({
    /** The team id of the transfer. */
    team: Text.optional(),
    /** Part of the transfer's reason. */
    reason: z.string().optional(),
    /** Values the transfer must carry, keyed `klass.attribute`; others may be there too. */
    collected: z.record(z.string(), z.unknown()).optional(),
  }),
]);

export const Expectation = z.strictObject({
  messages: OneOrMore.optional(),
  options: OneOrMore.optional(),
  status: z.enum(assistantStatuses).optional(),
  dialog: z.string().min(1).optional(),
  attributes: z
    .record(
      z.string().regex(/^[a-z]+\.[A-Za-z][A-Za-z0-9_]*$/, "must be a name such as customer.name"),
      z.unknown(),
    )
    .optional(),
  transferred: TransferExpectation.optional(),
  ended: z.boolean().optional(),
  effects: z.array(z.enum(effectTypes)).optional(),
});
export type Expectation = z.infer<typeof Expectation>;

export type TestStep =
  | { customer: string }
  | { choose: string }
  | { input: string }
  | { wait: string }
  | { agent: string }
  | { close: true }
  | { expect: Expectation };

const stepSchemas = {
  customer: Text,
  choose: Text,
  input: Text,
  wait: Duration,
  agent: Text,
  close: z.literal(true, { error: "must be true" }),
  expect: Expectation,
} as const;
const stepKinds = Object.keys(stepSchemas) as Array<keyof typeof stepSchemas>;

/**
 * A step is a map with exactly one key. Checked by hand rather than as a Zod
 * union, whose error for a mistyped step would be a vague "invalid input".
 */
const Step = z.unknown().transform((value, context): TestStep => {
  const keys = typeof value === "object" && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
  const kind = keys[0] as keyof typeof stepSchemas | undefined;
  if (keys.length !== 1 || kind === undefined || !stepKinds.includes(kind)) {
    context.addIssue({
      code: "custom",
      message: `a step needs exactly one of: ${stepKinds.join(", ")}${keys.length > 0 ? ` (found ${keys.join(", ")})` : ""}`,
    });
    return z.NEVER;
  }
  const result = stepSchemas[kind].safeParse((value as Record<string, unknown>)[kind]);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = [kind, ...issue.path];
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys)
          context.addIssue({ code: "custom", message: "is not a known field", path: [...path, key] });
      } else {
        context.addIssue({ code: "custom", message: issue.message, path });
      }
    }
    return z.NEVER;
  }
  return { [kind]: result.data } as TestStep;
});

/** A context is given inline, or as a path relative to the test file. */
const ContextReference = z.union([z.string().min(1), z.record(z.string(), z.unknown())], {
  error: "must be a path to a context file or a context object",
});

export const TestCase = z.strictObject({
  name: z.string().trim().min(1, "must not be empty"),
  context: ContextReference.optional(),
  steps: z.array(Step).min(1, "needs at least one step"),
});
export type TestCase = z.infer<typeof TestCase>;

export const TestFile = z.strictObject({
  /** The assistant JSON file, relative to the test file. */
  assistant: z.string().min(1),
  context: ContextReference.optional(),
  tests: z.array(TestCase).min(1, "needs at least one test"),
});
export type TestFile = z.infer<typeof TestFile>;
