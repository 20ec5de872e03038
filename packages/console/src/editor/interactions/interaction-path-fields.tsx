import { Stack } from "@mantine/core";
import type { InteractionPath } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { DialogSelect } from "../fields/reference-selects.tsx";
import { InteractionList } from "../interaction-list.tsx";

const text = strings.interactions.conditionalBranch;

/**
 * A branch's or a schedule's path: its own interactions (the dialog editor's list, nested), then
 * optionally a redirect; without one the dialog goes on after the interaction that holds the path.
 */
export function InteractionPathFields({
  path,
  pointer,
  readOnly,
  onRedirectChange,
}: {
  path: InteractionPath;
  /** The pointer of the path (a branch, `otherwise`, `duringHours`…). */
  pointer: string;
  readOnly: boolean;
  onRedirectChange(dialogId: string | undefined): void;
}) {
  return (
    <Stack gap="xs">
      <InteractionList
        pointer={childPointer(pointer, "interactions")}
        interactions={path.interactions}
        nested
      />
      <DialogSelect
        label={text.redirectTo}
        placeholder={text.noRedirect}
        clearable
        pointer={childPointer(pointer, "redirectTo")}
        value={path.redirectTo}
        onChange={onRedirectChange}
        readOnly={readOnly}
      />
    </Stack>
  );
}
