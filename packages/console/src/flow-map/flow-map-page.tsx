import { Box, Group, Stack, Text } from "@mantine/core";
import { Background, Controls, MiniMap, type NodeTypes, ReactFlow } from "@xyflow/react";
import { useMemo } from "react";
import { EmptyState } from "../components/page-state.tsx";
import { useDraftEditor } from "../editor/draft-editor.tsx";
import { strings } from "../strings/index.ts";
import { DialogNodeView, IntentsNodeView } from "./dialog-node.tsx";
import { buildFlowGraph } from "./flow-graph.ts";
import { layoutFlow } from "./flow-layout.ts";
import { FlowSummary, FlowWarnings } from "./flow-summary.tsx";

const text = strings.flowMap;
const nodeTypes: NodeTypes = { dialog: DialogNodeView, intents: IntentsNodeView };

function LegendItem({ label, line }: { label: string; line: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <svg width="28" height="8" aria-hidden="true">
        <line
          x1="0"
          y1="4"
          x2="28"
          y2="4"
          style={{ stroke: line.split(" ")[0], strokeWidth: 2, strokeDasharray: line.split(" ")[1] }}
        />
      </svg>
      <Text size="xs">{label}</Text>
    </Group>
  );
}

/** The Flow map tab (spec 05): the working copy's dialogs as a graph, and the same as a list. */
export function FlowMapPage() {
  const { definition, assistant } = useDraftEditor();
  const graph = useMemo(() => buildFlowGraph(definition), [definition]);
  const { nodes, edges } = useMemo(() => layoutFlow(graph, assistant.id), [graph, assistant.id]);
  if (graph.dialogs.length === 0) return <EmptyState title={text.title} body={text.empty} />;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {text.description}
      </Text>
      <FlowWarnings graph={graph} assistantId={assistant.id} />
      <Box
        role="region"
        aria-label={text.graphLabel}
        h={{ base: 440, md: 560 }}
        style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 8, overflow: "hidden" }}
      >
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elementsSelectable={false}
          fitView
          fitViewOptions={{ padding: 0.15, maxZoom: 1.1 }}
          minZoom={0.2}
        >
          <Background gap={20} color="#e9ecef" />
          <Controls showInteractive={false} />
          <MiniMap
            pannable
            zoomable
            ariaLabel={null}
            nodeColor={(node) => (node.type === "intents" ? "#d0bfff" : "#ced4da")}
          />
        </ReactFlow>
      </Box>
      <Group gap="lg" aria-label={text.legend.title} role="group">
        <Text size="xs" fw={600}>
          {text.legend.title}
        </Text>
        <LegendItem label={text.legend.redirect} line="#868e96" />
        <LegendItem label={text.legend.intent} line="#7950f2 6,4" />
        <LegendItem label={text.legend.loop} line="#e03131" />
        <LegendItem label={text.legend.unreachable} line="#fd7e14 4,3" />
      </Group>
      <FlowSummary graph={graph} assistantId={assistant.id} />
    </Stack>
  );
}
