import { childPointer } from "./json-pointer.ts";
import { type Problem, warningAt } from "./problem.ts";
import { isRecord } from "./raw-values.ts";

/**
 * The schemas drop fields they do not know, so a misspelt optional field
 * ("skipIfset") would be ignored without a word. Comparing what was written
 * with what the parse kept finds them: the parse keeps every field it knows
 * and only adds defaults.
 */
export function findUnknownFields(written: unknown, parsed: unknown, pointer = ""): Problem[] {
  if (Array.isArray(written) && Array.isArray(parsed)) {
    return written.flatMap((item, index) =>
      findUnknownFields(item, parsed[index], childPointer(pointer, index)),
    );
  }
  if (!isRecord(written) || !isRecord(parsed)) return [];
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(written)) {
    if (value === undefined) continue;
    // Editors read "$schema" to offer completion; it is welcome at the top.
    if (pointer === "" && key === "$schema") continue;
    const fieldPointer = childPointer(pointer, key);
    if (Object.hasOwn(parsed, key)) {
      problems.push(...findUnknownFields(value, parsed[key], fieldPointer));
    } else {
      problems.push(
        warningAt(
          fieldPointer,
          "unknown_field",
          `${JSON.stringify(key)} is not a field Parley knows here, so it is ignored; check its spelling.`,
        ),
      );
    }
  }
  return problems;
}
