import { Alert, Anchor, List, Text } from "@mantine/core";
import { useNavigate } from "react-router";
import { strings } from "../strings/index.ts";
import { useDraftEditor } from "./draft-editor.tsx";
import { editorLocationOf, focusPointer } from "./problem-pointers.ts";

const text = strings.editor.problems;

/** What the last save or publish found, each problem a link to the field it names. */
export function ProblemList() {
  const { problems, definition, assistant } = useDraftEditor();
  const navigate = useNavigate();
  if (problems.length === 0) return null;
  const errors = problems.filter((problem) => problem.severity !== "warning");
  const open = (pointer: string) => {
    const location = editorLocationOf(definition, pointer);
    navigate(`/assistants/${assistant.id}/${location.route}`);
    window.setTimeout(() => focusPointer(location.pointer), 0);
  };
  return (
    <Alert
      color={errors.length > 0 ? "red" : "yellow"}
      title={errors.length > 0 ? text.errorsTitle(errors.length) : text.warningsTitle(problems.length)}
      role="alert"
    >
      {errors.length > 0 && (
        <Text size="sm" mb="xs">
          {text.publishRefused}
        </Text>
      )}
      <List size="sm" spacing={4}>
        {problems.map((problem) => (
          <List.Item key={`${problem.path} ${problem.code}`}>
            <Anchor component="button" type="button" size="sm" onClick={() => open(problem.path)}>
              {text.at(problem.path || "/")}
            </Anchor>{" "}
            {problem.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
