import { ThemeIcon, Tooltip } from "@mantine/core";
import { IconAnchor, IconAnchorOff, IconFlag } from "@tabler/icons-react";
import { strings } from "../../strings/index.ts";
import type { DialogLink } from "./dialog-links.ts";

const text = strings.editor.dialogs;

/**
 * The anchor next to a dialog's end interaction (spec 05): green when the dialog is linked in the
 * flow, red with a strikethrough when it is not. Hovering says where it leads or what to fix.
 */
export function LinkAnchor({ link, endLabel }: { link: DialogLink; endLabel: string | null }) {
  if (link.state === "linked") {
    const names = link.targets.map((target) => target.name).join(", ");
    return (
      <Tooltip label={text.linkedTo(names)} withArrow>
        <ThemeIcon variant="light" color="green" size="sm" radius="xl" role="img" aria-label={text.linked}>
          <IconAnchor size={14} aria-hidden />
        </ThemeIcon>
      </Tooltip>
    );
  }
  if (link.state === "unlinked") {
    const hint = link.reason === "missing_target" ? text.brokenLinkHint : text.notLinkedHint;
    return (
      <Tooltip label={hint} withArrow>
        <ThemeIcon variant="light" color="red" size="sm" radius="xl" role="img" aria-label={text.notLinked}>
          <IconAnchorOff size={14} aria-hidden />
        </ThemeIcon>
      </Tooltip>
    );
  }
  return (
    <Tooltip label={text.endsAssistantHint(endLabel ?? "")} withArrow>
      <ThemeIcon
        variant="light"
        color="gray"
        size="sm"
        radius="xl"
        role="img"
        aria-label={text.endsAssistant}
      >
        <IconFlag size={14} aria-hidden />
      </ThemeIcon>
    </Tooltip>
  );
}
