import { Button, Group, Modal, Text } from "@mantine/core";
import { useEffect } from "react";
import { useBlocker } from "react-router";
import { strings } from "../strings/index.ts";

const text = strings.common.unsavedChanges;

/**
 * Warns before unsaved changes are lost: leaving the page inside the console asks first,
 * and closing or reloading the tab gets the browser's own warning.
 */
export function UnsavedChangesGuard({
  when,
  keepsChanges = () => false,
}: {
  when: boolean;
  /** Pages that keep the changes (the other tabs of the same editor): moving there asks nothing. */
  keepsChanges?: (pathname: string) => boolean;
}) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      when && currentLocation.pathname !== nextLocation.pathname && !keepsChanges(nextLocation.pathname),
  );
  useEffect(() => {
    if (!when) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [when]);
  return (
    <Modal opened={blocker.state === "blocked"} onClose={() => blocker.reset?.()} title={text.title} centered>
      <Text size="sm">{text.body}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
          {text.stay}
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          {text.leave}
        </Button>
      </Group>
    </Modal>
  );
}
