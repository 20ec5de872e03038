import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title, VisuallyHidden } from "@mantine/core";
import type { Dialog } from "@parley/model";
import { IconAlertTriangle, IconTrash } from "@tabler/icons-react";
import { Fragment } from "react";
import { Link } from "react-router";
import { problemsAt } from "../../components/problems.ts";
import { strings } from "../../strings/index.ts";
import { useUpdateAt } from "../definition-pointer.ts";
import { useDraftEditor } from "../draft-editor.tsx";
import { InteractionList } from "../interaction-list.tsx";
import { dialogsLeadingTo } from "./dialog-links.ts";
import { isDefaultDialog } from "./dialog-operations.ts";
import { EndInteractionSection } from "./end-interaction-section.tsx";

const text = strings.editor.dialogs;
const listText = strings.editor.interactionList;

interface DialogEditorProps {
  dialog: Dialog;
  index: number;
  dialogPath(dialogId: string): string;
  onDelete(dialog: Dialog): void;
}

/**
 * The main area of the editor (spec 05): the dialog's name, its previous dialogs, its
 * interactions in order and its end interaction.
 */
export function DialogEditor({ dialog, index, dialogPath, onDelete }: DialogEditorProps) {
  const editor = useDraftEditor();
  const editable = editor.readOnlyReason === null;
  const pointer = `/dialogs/${index}`;
  const isDefault = isDefaultDialog(editor.definition, dialog);
  const previous = dialogsLeadingTo(editor.definition, dialog.id);
  // Problems about the dialog as a whole (unlinked, unreachable) have no field of their own.
  const dialogProblems = editor.problems.filter((problem) => problem.path === pointer);
  return (
    <Stack gap="lg" component="section" aria-labelledby="dialog-editor-title" data-pointer={pointer}>
      <VisuallyHidden>
        <Title order={2} id="dialog-editor-title">
          {dialog.name}
        </Title>
      </VisuallyHidden>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <DialogNameField
          dialog={dialog}
          pointer={pointer}
          readOnly={!editable || isDefault}
          isDefault={isDefault}
        />
        {editable && !isDefault && (
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={() => onDelete(dialog)}
          >
            {text.deleteDialog}
          </Button>
        )}
      </Group>
      {dialogProblems.map((problem) => (
        <Alert
          key={problem.code}
          color={problem.severity === "warning" ? "yellow" : "red"}
          variant="light"
          icon={<IconAlertTriangle size={18} aria-hidden />}
        >
          <Text size="sm">{problem.message}</Text>
        </Alert>
      ))}
      {index > 0 && (
        <Group gap={6}>
          <Text size="sm" c="dimmed">
            {text.previousDialogs}:
          </Text>
          {previous.length === 0 ? (
            <Text size="sm" c="dimmed" fs="italic">
              {text.noPreviousDialog}
            </Text>
          ) : (
            previous.map((source, position) => (
              <Fragment key={source.id}>
                {position > 0 && <Text size="sm">,</Text>}
                <Anchor component={Link} to={dialogPath(source.id)} size="sm">
                  {source.name}
                </Anchor>
              </Fragment>
            ))
          )}
        </Group>
      )}
      <Stack gap="xs" component="section" aria-labelledby={`${dialog.id}-interactions-title`}>
        <Title order={3} size="h5" id={`${dialog.id}-interactions-title`}>
          {listText.title}
        </Title>
        <Text size="xs" c="dimmed">
          {listText.hint}
        </Text>
        <InteractionList pointer={`${pointer}/interactions`} interactions={dialog.interactions} />
      </Stack>
      <EndInteractionSection dialog={dialog} pointer={pointer} dialogPath={dialogPath} />
    </Stack>
  );
}

function DialogNameField({
  dialog,
  pointer,
  readOnly,
  isDefault,
}: {
  dialog: Dialog;
  pointer: string;
  readOnly: boolean;
  isDefault: boolean;
}) {
  const { problems } = useDraftEditor();
  const update = useUpdateAt<Dialog>(pointer);
  const namePointer = `${pointer}/name`;
  const localProblem = dialog.name.trim() === "" ? text.nameRequired : undefined;
  return (
    <TextInput
      label={text.dialogName}
      value={dialog.name}
      onChange={(event) => {
        const name = event.currentTarget.value;
        update((draft) => {
          draft.name = name;
        });
      }}
      readOnly={readOnly}
      description={isDefault ? text.defaultDialogName(dialog.name) : undefined}
      error={localProblem ?? problemsAt(problems, namePointer)[0]?.message}
      maxLength={100}
      data-pointer={namePointer}
      style={{ flex: "1 1 280px", maxWidth: 480 }}
    />
  );
}
