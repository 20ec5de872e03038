import { Alert, Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { strings } from "../strings/index.ts";
import { dialogBadges } from "./dialog-node.tsx";
import type { FlowDialog, FlowGraph, FlowLink } from "./flow-graph.ts";

const text = strings.flowMap;

function DialogLink({ dialog, assistantId }: { dialog: FlowDialog; assistantId: string }) {
  return (
    <Anchor component={Link} to={`/assistants/${assistantId}/dialogs/${encodeURIComponent(dialog.id)}`}>
      {dialog.name}
    </Anchor>
  );
}

/** The unreachable dialogs and the loops, said in words next to the map. */
export function FlowWarnings({ graph, assistantId }: { graph: FlowGraph; assistantId: string }) {
  const unreachable = graph.dialogs.filter((dialog) => !dialog.reachable);
  const looping = graph.dialogs.filter((dialog) => dialog.loop);
  if (unreachable.length === 0 && looping.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: unreachable.length > 0 && looping.length > 0 ? 2 : 1 }}>
      {unreachable.length > 0 && (
        <Alert color="orange" title={text.summary.unreachableTitle(unreachable.length)}>
          <Text size="sm" mb={6}>
            {text.summary.unreachableBody}
          </Text>
          <List size="sm" aria-label={text.summary.unreachableTitle(unreachable.length)}>
            {unreachable.map((dialog) => (
              <List.Item key={dialog.index}>
                <DialogLink dialog={dialog} assistantId={assistantId} />
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {looping.length > 0 && (
        <Alert color="red" title={text.summary.loopTitle}>
          <Text size="sm" mb={6}>
            {text.summary.loopBody}
          </Text>
          <List size="sm" aria-label={text.summary.loopTitle}>
            {looping.map((dialog) => (
              <List.Item key={dialog.index}>
                <DialogLink dialog={dialog} assistantId={assistantId} />
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </SimpleGrid>
  );
}

function linkText(link: FlowLink, names: Map<string, string>): string {
  const target = link.missingTarget ? text.summary.missing(link.to) : (names.get(link.to) ?? link.to);
  return text.summary.linkLine(link.label, target);
}

/**
 * The map as a list: each dialog with where it leads and which intents lead to it. It is the
 * text alternative of the drawing, and the place to read labels the map cuts short.
 */
export function FlowSummary({ graph, assistantId }: { graph: FlowGraph; assistantId: string }) {
  const names = new Map(graph.dialogs.map((dialog) => [dialog.id, dialog.name]));
  return (
    <Stack gap="xs" component="section" aria-labelledby="flow-summary-title">
      <Title order={2} size="h4" id="flow-summary-title">
        {text.summary.title}
      </Title>
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 3 }}
        spacing="sm"
        component="ul"
        style={{ listStyle: "none", padding: 0, margin: 0 }}
      >
        {graph.dialogs.map((dialog) => {
          const outgoing = graph.links.filter((link) => link.from === dialog.id);
          return (
            <Paper component="li" key={dialog.index} withBorder p="sm" radius="md">
              <Group gap={6} mb={4}>
                <Text fw={600} size="sm">
                  <DialogLink dialog={dialog} assistantId={assistantId} />
                </Text>
                {dialogBadges(dialog).map((badge) => (
                  <Badge key={badge.label} size="xs" variant="light" color={badge.color}>
                    {badge.label}
                  </Badge>
                ))}
              </Group>
              {dialog.intents.length > 0 && (
                <Text size="xs" c="dimmed">
                  {text.summary.reachedBy}: {dialog.intents.join(", ")}
                </Text>
              )}
              {outgoing.length === 0 ? (
                <Text size="xs" c="dimmed">
                  {text.summary.noLinks}
                </Text>
              ) : (
                <>
                  <Text size="xs" c="dimmed">
                    {text.summary.leadsTo}
                  </Text>
                  <List size="xs" spacing={2}>
                    {outgoing.map((link) => (
                      <List.Item key={link.id} c={link.loop ? "red.8" : undefined}>
                        {linkText(link, names)}
                        {link.loop ? ` (${text.badges.loop})` : ""}
                      </List.Item>
                    ))}
                  </List>
                </>
              )}
            </Paper>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
