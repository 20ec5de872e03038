/**
 * Paths to the fields of an interaction, written the way a reader says them: `prompt`,
 * `redirects.answered`, `buttons[].dialogId` (every button's), `inputs.*` (every value of a map).
 * Interaction definitions name their references, text templates and nested paths this way, and
 * one reader finds the values, so nothing else has to know an interaction's shape.
 */

type Leaf = string | number | boolean | bigint | symbol | null | undefined;
type Level = readonly unknown[];

/** Every path into `Value`, three levels deep: enough for any field of an interaction. */
export type FieldPath<Value, Depth extends Level = []> = Depth["length"] extends 3
  ? never
  : Value extends Leaf
    ? never
    : Value extends readonly unknown[]
      ? never
      : {
          [Key in Extract<keyof Value, string>]-?: Key | SubPath<Key, NonNullable<Value[Key]>, Depth>;
        }[Extract<keyof Value, string>];

type SubPath<Prefix extends string, Value, Depth extends Level> = Value extends Leaf
  ? never
  : Value extends readonly (infer Item)[]
    ? `${Prefix}[]` | `${Prefix}[].${FieldPath<NonNullable<Item>, [...Depth, 1]>}`
    : string extends keyof Value
      ? `${Prefix}.*`
      : `${Prefix}.${FieldPath<Value, [...Depth, 1]>}`;

/** A value found at a path, with the segments that lead to it from where the search started. */
export interface FoundValue {
  value: unknown;
  segments: (string | number)[];
}

type Step = { key: string } | { every: "item" | "value" };

const parsedPaths = new Map<string, Step[]>();

function stepsOf(path: string): Step[] {
  const known = parsedPaths.get(path);
  if (known) return known;
  const steps: Step[] = [];
  for (const part of path.split(".")) {
    if (part === "*") steps.push({ every: "value" });
    else if (part.endsWith("[]")) steps.push({ key: part.slice(0, -2) }, { every: "item" });
    else steps.push({ key: part });
  }
  parsedPaths.set(path, steps);
  return steps;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function children(found: FoundValue, step: Step): FoundValue[] {
  const { value, segments } = found;
  if ("key" in step) {
    // hasOwn: a definition read from JSON must not find "constructor" on the prototype.
    if (!isRecord(value) || !Object.hasOwn(value, step.key) || value[step.key] === undefined) return [];
    return [{ value: value[step.key], segments: [...segments, step.key] }];
  }
  if (step.every === "item") {
    if (!Array.isArray(value)) return [];
    return value.map((item, index) => ({ value: item, segments: [...segments, index] }));
  }
  if (isRecord(value)) {
    return Object.entries(value)
      .filter((entry) => entry[1] !== undefined)
      .map(([key, item]) => ({ value: item, segments: [...segments, key] }));
  }
  return [];
}

/**
 * The values at `path` inside `root`, in document order. Absent fields are skipped, and so is
 * anything of an unexpected shape, so it also reads JSON that has not passed the schema yet.
 */
export function valuesAt(root: unknown, path: string): FoundValue[] {
  let found: FoundValue[] = [{ value: root, segments: [] }];
  for (const step of stepsOf(path)) found = found.flatMap((each) => children(each, step));
  return found;
}

function updateSteps(
  value: unknown,
  steps: readonly Step[],
  segments: (string | number)[],
  update: (found: FoundValue) => unknown,
): unknown {
  const [step, ...rest] = steps;
  if (step === undefined) return update({ value, segments });
  if ("key" in step) {
    if (!isRecord(value) || !Object.hasOwn(value, step.key) || value[step.key] === undefined) return value;
    return { ...value, [step.key]: updateSteps(value[step.key], rest, [...segments, step.key], update) };
  }
  if (step.every === "item") {
    if (!Array.isArray(value)) return value;
    return value.map((item, index) => updateSteps(item, rest, [...segments, index], update));
  }
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        item === undefined ? item : updateSteps(item, rest, [...segments, key], update),
      ]),
    );
  }
  return value;
}

/** A copy of `root` with each value at `path` replaced by what `update` returns; `root` is not changed. */
export function updateValuesAt<Root>(root: Root, path: string, update: (found: FoundValue) => unknown): Root {
  return updateSteps(root, stepsOf(path), [], update) as Root;
}
