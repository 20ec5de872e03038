import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import type { Assistant } from "@parley/model";
import { type FormEvent, useEffect, useState } from "react";
import { strings } from "../../strings/index.ts";
import { dialogNameProblem } from "./dialog-operations.ts";

const text = strings.editor.dialogs;

/** Add Dialog (spec 05): the admin names the dialog first, then it opens in the editor. */
export function AddDialogModal({
  opened,
  onClose,
  definition,
  onCreate,
}: {
  opened: boolean;
  onClose(): void;
  definition: Assistant;
  onCreate(name: string): void;
}) {
  const [name, setName] = useState("");
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (opened) {
      setName("");
      setTouched(false);
    }
  }, [opened]);
  const problem = dialogNameProblem(definition, name, {
    required: text.nameRequired,
    tooLong: text.nameTooLong,
    taken: text.nameTaken,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (problem === null) onCreate(name.trim());
  };
  return (
    <Modal opened={opened} onClose={onClose} title={text.addDialogTitle} centered returnFocus={false}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={text.dialogName}
            description={text.addDialogHint}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={touched ? problem : undefined}
            maxLength={120}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {strings.common.actions.cancel}
            </Button>
            <Button type="submit">{text.create}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
