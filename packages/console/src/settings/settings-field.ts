import { problemsAt } from "../components/problems.ts";
import { useDraftEditor } from "../editor/draft-editor.tsx";

/** What every settings field carries: its pointer (so a problem's link focuses it), the server's problem, and whether it can change. */
export interface FieldProps {
  "data-pointer": string;
  error: string | undefined;
  readOnly: boolean;
}

/** The messages the last save or publish found at a pointer or inside it, to show under its field. */
export function useProblemAt(pointer: string): string | undefined {
  const { problems } = useDraftEditor();
  const found = problemsAt(problems, pointer);
  return found.length > 0 ? found.map((problem) => problem.message).join(" ") : undefined;
}

export function useFieldProps(pointer: string): FieldProps {
  const { readOnlyReason } = useDraftEditor();
  return { "data-pointer": pointer, error: useProblemAt(pointer), readOnly: readOnlyReason !== null };
}
