import { Anchor, Button, Group, Menu, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Dialog, EndInteraction, EndInteractionKind, Redirect } from "@parley/model";
import { IconArrowRight, IconChevronDown, IconTrash } from "@tabler/icons-react";
import { createElement } from "react";
import { Link } from "react-router";
import { problemsAt } from "../../components/problems.ts";
import { strings } from "../../strings/index.ts";
import { useUpdateAt } from "../definition-pointer.ts";
import { useDraftEditor } from "../draft-editor.tsx";
import { availableKinds, interactionLabel } from "../interaction-catalog.ts";
import { InteractionForm } from "../interactions/interaction-form.tsx";
import { listFallsThrough } from "./dialog-links.ts";
import { KindMenu, useOrganizationChoices } from "./kind-menu.tsx";
import { newEndInteraction } from "./new-interaction.ts";
import { UndoMessage } from "./undo-message.tsx";

const text = strings.editor.endInteraction;

interface EndInteractionSectionProps {
  dialog: Dialog;
  /** JSON pointer of the dialog: `/dialogs/2`. */
  pointer: string;
  dialogPath(dialogId: string): string;
}

/**
 * The dialog's one end interaction (spec 05): Add End Interaction when it has none, the Redirects
 * to Dialog block for a redirect, the kind's form otherwise; change or remove it.
 */
export function EndInteractionSection({ dialog, pointer, dialogPath }: EndInteractionSectionProps) {
  const editor = useDraftEditor();
  const editable = editor.readOnlyReason === null;
  const organization = useOrganizationChoices();
  const endPointer = `${pointer}/end`;
  const updateDialog = useUpdateAt<Dialog>(pointer);
  const { definition } = editor;
  const kinds = availableKinds(definition.channel, definition.type, { end: true });
  const setEnd = (end: EndInteraction | null) =>
    updateDialog((draft) => {
      draft.end = end;
    });
  const create = (kind: string) =>
    newEndInteraction(kind as EndInteractionKind, { definition, dialogId: dialog.id, organization });
  const remove = () => {
    const previous = dialog.end;
    if (!previous) return;
    setEnd(null);
    const id = `removed-end-${dialog.id}`;
    notifications.show({
      id,
      color: "gray",
      autoClose: 8000,
      message: createElement(UndoMessage, {
        message: text.removed(interactionLabel(previous.kind)),
        undoLabel: strings.editor.interactionList.undo,
        onUndo: () => {
          setEnd(previous);
          notifications.hide(id);
        },
      }),
    });
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby={`${dialog.id}-end-title`}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={3} size="h5" id={`${dialog.id}-end-title`}>
          {text.title}
        </Title>
        {dialog.end && editable && (
          <Group gap="xs">
            <Menu position="bottom-end" withinPortal shadow="md">
              <Menu.Target>
                <Button size="xs" variant="default" rightSection={<IconChevronDown size={14} aria-hidden />}>
                  {text.change}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {kinds
                  .filter((entry) => entry.kind !== dialog.end?.kind)
                  .map((entry) => (
                    <Menu.Item key={entry.kind} onClick={() => setEnd(create(entry.kind))}>
                      {entry.label}
                    </Menu.Item>
                  ))}
              </Menu.Dropdown>
            </Menu>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={14} aria-hidden />}
              onClick={remove}
            >
              {text.remove}
            </Button>
          </Group>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {text.hint}
      </Text>
      {dialog.end === null ? (
        <Paper withBorder p="md" radius="md" style={{ borderStyle: "dashed" }} data-pointer={endPointer}>
          <Stack gap="sm" align="flex-start">
            <Text size="sm" c={listFallsThrough(dialog.interactions) ? "red.8" : "dimmed"}>
              {listFallsThrough(dialog.interactions) ? text.none : text.noneNeeded}
            </Text>
            {editable && (
              <KindMenu
                label={text.addEndInteraction}
                kinds={kinds}
                onSelect={(kind) => setEnd(create(kind))}
              />
            )}
          </Stack>
        </Paper>
      ) : dialog.end.kind === "redirect" ? (
        <RedirectBlock dialog={dialog} redirect={dialog.end} pointer={endPointer} dialogPath={dialogPath} />
      ) : (
        <EndInteractionCard end={dialog.end} pointer={endPointer} readOnly={!editable} />
      )}
    </Stack>
  );
}

function EndInteractionCard({
  end,
  pointer,
  readOnly,
}: {
  end: EndInteraction;
  pointer: string;
  readOnly: boolean;
}) {
  const update = useUpdateAt<EndInteraction>(pointer);
  return (
    <Paper withBorder radius="md" data-pointer={pointer}>
      <Text fw={600} size="sm" px="sm" py={6} bg="gray.0" style={{ borderRadius: "inherit" }}>
        {interactionLabel(end.kind)}
      </Text>
      <Stack p="sm">
        <InteractionForm interaction={end} pointer={pointer} update={update} readOnly={readOnly} />
      </Stack>
    </Paper>
  );
}

/** Spec 11's "Redirects to Dialog" block: where the conversation goes after this dialog. */
function RedirectBlock({
  dialog,
  redirect,
  pointer,
  dialogPath,
}: {
  dialog: Dialog;
  redirect: Redirect;
  pointer: string;
  dialogPath(dialogId: string): string;
}) {
  const editor = useDraftEditor();
  const update = useUpdateAt<Redirect>(pointer);
  const fieldPointer = `${pointer}/dialogId`;
  const options = editor.definition.dialogs
    .filter((candidate) => candidate.id !== dialog.id)
    .map((candidate) => ({ value: candidate.id, label: candidate.name }));
  const target = editor.definition.dialogs.find((candidate) => candidate.id === redirect.dialogId);
  const serverProblem = problemsAt(editor.problems, fieldPointer)[0]?.message;
  const error = target && target.id !== dialog.id ? serverProblem : (serverProblem ?? text.redirectMissing);
  return (
    <Paper withBorder radius="md" p="sm" data-pointer={pointer}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={text.redirectsToDialog}
          placeholder={text.redirectPlaceholder}
          data={options}
          value={target ? redirect.dialogId : null}
          onChange={(value) => {
            if (value)
              update((draft) => {
                draft.dialogId = value;
              });
          }}
          allowDeselect={false}
          searchable={options.length > 8}
          readOnly={editor.readOnlyReason !== null}
          error={error}
          data-pointer={fieldPointer}
          leftSection={<IconArrowRight size={16} aria-hidden />}
          style={{ flex: "1 1 240px" }}
          comboboxProps={{ withinPortal: true }}
        />
        {target && (
          <Anchor component={Link} to={dialogPath(target.id)} size="sm" mb={error ? 26 : 8}>
            {text.openTarget(target.name)}
          </Anchor>
        )}
      </Group>
    </Paper>
  );
}
