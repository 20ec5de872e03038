import { problemsAt } from "../../components/problems.ts";
import { useDraftEditor } from "../draft-editor.tsx";

/**
 * The server's error for the value a JSON pointer names, to show under its field. A field shows
 * what is wrong inside it too ("/prompt" also shows "/prompt/0"), except lists, whose items show
 * their own: `exact` keeps a list's field to problems about the list itself ("needs one button").
 * Warnings stay in the editor's problem list: shown in red under a field they would read as errors.
 */
export function useFieldError(
  pointer: string,
  { exact = false }: { exact?: boolean } = {},
): string | undefined {
  const { problems } = useDraftEditor();
  const errors = (
    exact ? problems.filter((problem) => problem.path === pointer) : problemsAt(problems, pointer)
  )
    .filter((problem) => problem.severity !== "warning")
    .map((problem) => problem.message);
  return errors.length > 0 ? errors.join(" ") : undefined;
}
