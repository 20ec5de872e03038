import dagre from "@dagrejs/dagre";
import { type Edge, MarkerType, type Node } from "@xyflow/react";
import type { FlowDialog, FlowGraph, FlowLink } from "./flow-graph.ts";

export const dialogNodeSize = { width: 230, height: 76 };
const intentsNodeSize = { width: 160, height: 44 };
/** The node intent mappings leave from: customers can say an intent at any point. */
export const intentsNodeId = "flow-map:intents";

export type DialogNodeData = { dialog: FlowDialog; assistantId: string };
export type DialogNode = Node<DialogNodeData, "dialog">;
export type IntentsNode = Node<Record<string, never>, "intents">;
export type FlowNode = DialogNode | IntentsNode;

/** One drawn edge: links between the same two dialogs share it, their labels joined. */
export interface DrawnEdge {
  id: string;
  source: string;
  target: string;
  labels: string[];
  intent: boolean;
  loop: boolean;
}

function drawnEdges(links: readonly FlowLink[]): DrawnEdge[] {
  const byEnds = new Map<string, DrawnEdge>();
  for (const link of links) {
    if (link.missingTarget) continue;
    const source = link.from ?? intentsNodeId;
    const key = `${source}\u0000${link.to}`;
    const edge = byEnds.get(key) ?? {
      id: `edge-${byEnds.size}`,
      source,
      target: link.to,
      labels: [],
      intent: link.from === null,
      loop: false,
    };
    if (link.label && !edge.labels.includes(link.label)) edge.labels.push(link.label);
    edge.loop ||= link.loop;
    byEnds.set(key, edge);
  }
  return [...byEnds.values()];
}

/** Long label lists are cut so the map stays readable; the list below the map has them all. */
function edgeLabel(labels: readonly string[]): string {
  const shown = labels.slice(0, 3).join(", ");
  return labels.length > 3 ? `${shown} +${labels.length - 3}` : shown;
}

/**
 * Places the dialogs top to bottom with dagre, Welcome and the intents on top, leaving room for
 * the edge labels so they do not sit on the nodes.
 */
export function layoutFlow(graph: FlowGraph, assistantId: string): { nodes: FlowNode[]; edges: Edge[] } {
  const layout = new dagre.graphlib.Graph();
  layout.setGraph({ rankdir: "TB", nodesep: 48, ranksep: 64, edgesep: 24, marginx: 16, marginy: 16 });
  layout.setDefaultEdgeLabel(() => ({}));
  const seen = new Set<string>();
  const dialogs = graph.dialogs.filter((dialog) => !seen.has(dialog.id) && seen.add(dialog.id));
  for (const dialog of dialogs) layout.setNode(dialog.id, { ...dialogNodeSize });
  const edges = drawnEdges(graph.links);
  if (edges.some((edge) => edge.intent)) layout.setNode(intentsNodeId, { ...intentsNodeSize });
  for (const edge of edges) {
    const label = edgeLabel(edge.labels);
    layout.setEdge(edge.source, edge.target, {
      width: label ? Math.min(label.length * 7 + 12, 220) : 0,
      height: label ? 20 : 0,
      labelpos: "c",
    });
  }
  dagre.layout(layout);

  const placed = (id: string, size: { width: number; height: number }) => {
    const center = layout.node(id);
    return { x: (center?.x ?? 0) - size.width / 2, y: (center?.y ?? 0) - size.height / 2 };
  };
  const nodes: FlowNode[] = dialogs.map((dialog) => ({
    id: dialog.id,
    type: "dialog",
    position: placed(dialog.id, dialogNodeSize),
    data: { dialog, assistantId },
    // The map selects and drags nothing, which would make nodes ignore the pointer; their buttons need it.
    style: { pointerEvents: "all" },
    width: dialogNodeSize.width,
    height: dialogNodeSize.height,
  }));
  if (layout.hasNode(intentsNodeId)) {
    nodes.push({
      id: intentsNodeId,
      type: "intents",
      position: placed(intentsNodeId, intentsNodeSize),
      data: {},
      width: intentsNodeSize.width,
      height: intentsNodeSize.height,
    });
  }
  const top = (id: string) => layout.node(id)?.y ?? 0;
  return {
    nodes,
    edges: edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      // A link back up (or across) leaves and enters on the side, so it does not run behind the nodes.
      ...(top(edge.target) <= top(edge.source) ? { sourceHandle: "back-out", targetHandle: "back-in" } : {}),
      label: edgeLabel(edge.labels) || undefined,
      className: [edge.intent ? "flow-edge-intent" : "", edge.loop ? "flow-edge-loop" : ""].join(" ").trim(),
      type: "smoothstep",
      markerEnd: { type: MarkerType.ArrowClosed, color: edge.loop ? "#e03131" : "#868e96" },
      style: {
        stroke: edge.loop ? "#e03131" : edge.intent ? "#7950f2" : "#868e96",
        strokeWidth: edge.loop ? 2.5 : 1.5,
        ...(edge.intent ? { strokeDasharray: "6 4" } : {}),
      },
      labelBgPadding: [6, 3] as [number, number],
      labelBgBorderRadius: 4,
      labelStyle: { fontSize: 12, fill: "#343a40" },
    })),
  };
}
