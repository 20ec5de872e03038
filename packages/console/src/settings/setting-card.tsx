import { Alert, Button, Collapse, Paper, Stack, Switch, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { problemsAt } from "../components/problems.ts";
import { useDraftEditor } from "../editor/draft-editor.tsx";
import { strings } from "../strings/index.ts";
import { useFieldProps } from "./settings-field.ts";

const text = strings.settings.volumeControl;

interface SettingCardProps {
  /** The pointer of the setting's object, such as /settings/volumeControl/reminder. */
  pointer: string;
  title: string;
  description: string;
  enabled: boolean;
  onEnabledChange(enabled: boolean): void;
  children: ReactNode;
}

/**
 * One volume control setting: a switch with the spec's name and, while it is on, its times and
 * messages. A setting that is off but has a problem stays open, so the problem's field can be seen.
 */
export function SettingCard({
  pointer,
  title,
  description,
  enabled,
  onEnabledChange,
  children,
}: SettingCardProps) {
  const { problems } = useDraftEditor();
  const toggle = useFieldProps(`${pointer}/enabled`);
  const open =
    enabled || problemsAt(problems, pointer).some((problem) => problem.path !== `${pointer}/enabled`);
  return (
    <Paper withBorder radius="md" p="md" data-pointer={pointer} component="section" aria-label={title}>
      <Switch
        {...toggle}
        readOnly={undefined}
        disabled={toggle.readOnly}
        label={
          <Text fw={600} size="sm">
            {title}
          </Text>
        }
        description={description}
        checked={enabled}
        onChange={(event) => onEnabledChange(event.currentTarget.checked)}
      />
      <Collapse expanded={open}>
        <Stack gap="md" mt="md" pl={{ base: 0, sm: 54 }}>
          {children}
        </Stack>
      </Collapse>
    </Paper>
  );
}

/** A setting that is on although this assistant's channel or type cannot use it: say so, and offer to turn it off. */
export function UnavailableSetting({
  pointer,
  title,
  onTurnOff,
}: {
  pointer: string;
  title: string;
  onTurnOff(): void;
}) {
  const { readOnlyReason } = useDraftEditor();
  return (
    <Alert color="orange" title={text.unavailable(title)} data-pointer={pointer}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{text.unavailableBody}</Text>
        {!readOnlyReason && (
          <Button size="xs" variant="light" color="orange" onClick={onTurnOff}>
            {text.turnOff}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
