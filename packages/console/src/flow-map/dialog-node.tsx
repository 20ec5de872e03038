import { Badge, Group, Text, UnstyledButton } from "@mantine/core";
import { IconBolt } from "@tabler/icons-react";
import { Handle, type NodeProps, Position } from "@xyflow/react";
import { useNavigate } from "react-router";
import { strings } from "../strings/index.ts";
import type { FlowDialog } from "./flow-graph.ts";
import { type DialogNode, dialogNodeSize, type IntentsNode } from "./flow-layout.ts";

const text = strings.flowMap;
/** Edges attach to handles; nothing is connected by hand on this map, so they need not show. */
const hiddenHandle = { opacity: 0, pointerEvents: "none" as const };

/** The badges a dialog shows on the map and in the list: what it is and how it ends. */
export function dialogBadges(dialog: FlowDialog): { label: string; color: string }[] {
  const badges: { label: string; color: string }[] = [];
  if (dialog.start) badges.push({ label: text.badges.welcome, color: "blue" });
  if (!dialog.reachable) badges.push({ label: text.badges.unreachable, color: "orange" });
  if (dialog.loop) badges.push({ label: text.badges.loop, color: "red" });
  if (dialog.unlinked) badges.push({ label: text.badges.unlinked, color: "red" });
  for (const ending of dialog.endings) badges.push({ label: text.badges[ending], color: "teal" });
  return badges;
}

function borderOf(dialog: FlowDialog): string {
  if (dialog.loop) return "2px solid var(--mantine-color-red-6)";
  if (!dialog.reachable) return "2px dashed var(--mantine-color-orange-6)";
  if (dialog.start) return "2px solid var(--mantine-color-blue-6)";
  return "1px solid var(--mantine-color-gray-4)";
}

/**
 * A dialog on the map: a real button (focusable, Enter opens it) that opens the dialog in the
 * editor. The map's own node focus is off, so each dialog is one tab stop.
 */
export function DialogNodeView({ data }: NodeProps<DialogNode>) {
  const navigate = useNavigate();
  const { dialog, assistantId } = data;
  const badges = dialogBadges(dialog);
  const described = badges.map((badge) => badge.label).join(", ");
  return (
    <>
      <Handle type="target" position={Position.Top} isConnectable={false} style={hiddenHandle} />
      <UnstyledButton
        className="nodrag"
        aria-label={
          described ? `${text.openDialog(dialog.name)} (${described})` : text.openDialog(dialog.name)
        }
        onClick={() => navigate(`/assistants/${assistantId}/dialogs/${encodeURIComponent(dialog.id)}`)}
        style={{
          width: dialogNodeSize.width,
          height: dialogNodeSize.height,
          border: borderOf(dialog),
          borderRadius: 10,
          background: dialog.reachable ? "white" : "var(--mantine-color-gray-0)",
          padding: "8px 10px",
          boxShadow: "0 1px 3px rgba(0,0,0,.08)",
          display: "flex",
          flexDirection: "column",
          justifyContent: "center",
          gap: 6,
        }}
      >
        <Text size="sm" fw={600} lineClamp={1} c={dialog.reachable ? undefined : "dimmed"}>
          {dialog.name}
        </Text>
        {badges.length > 0 && (
          <Group gap={4} wrap="nowrap" style={{ overflow: "hidden" }}>
            {badges.map((badge) => (
              <Badge
                key={badge.label}
                size="xs"
                variant="light"
                color={badge.color}
                style={{ flexShrink: 0 }}
              >
                {badge.label}
              </Badge>
            ))}
          </Group>
        )}
      </UnstyledButton>
      <Handle type="source" position={Position.Bottom} isConnectable={false} style={hiddenHandle} />
      <Handle
        id="back-out"
        type="source"
        position={Position.Right}
        isConnectable={false}
        style={hiddenHandle}
      />
      <Handle
        id="back-in"
        type="target"
        position={Position.Right}
        isConnectable={false}
        style={hiddenHandle}
      />
    </>
  );
}

/** Where intent mappings start: customers can say an intent at any point of the conversation. */
export function IntentsNodeView(_props: NodeProps<IntentsNode>) {
  return (
    <>
      <Group
        gap={6}
        justify="center"
        title={text.intentsNodeHint}
        style={{
          width: 160,
          height: 44,
          borderRadius: 22,
          border: "1px dashed var(--mantine-color-violet-5)",
          background: "var(--mantine-color-violet-0)",
        }}
      >
        <IconBolt size={16} aria-hidden color="var(--mantine-color-violet-7)" />
        <Text size="sm" fw={600} c="violet.8">
          {text.intentsNode}
        </Text>
      </Group>
      <Handle type="source" position={Position.Bottom} isConnectable={false} style={hiddenHandle} />
    </>
  );
}
