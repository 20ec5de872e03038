import {
  Alert,
  Box,
  Button,
  Grid,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { type Channel, channels } from "@parley/model";
import { IconInfoCircle, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { useBrands, useKlasses } from "../api/organization-data.ts";
import { EmptyState, PageError, PageLoading } from "../components/page-state.tsx";
import { scopes, useCan } from "../session/session.ts";
import { strings } from "../strings/index.ts";
import { channelName, channelOptions } from "./channel-names.ts";
import { DefaultAssistantsSection } from "./default-assistants-section.tsx";
import { RuleDrawer } from "./rule-drawer.tsx";
import { RuleList } from "./rule-list.tsx";
import { RulePreview } from "./rule-preview.tsx";
import { type Rule, useAllAssistants, useRules } from "./rules-api.ts";

const text = strings.rules;

function channelFrom(value: string | null): Channel {
  return (channels as readonly string[]).includes(value ?? "") ? (value as Channel) : "chat";
}

/**
 * Customer Assist > Rules (spec 06, 11): pick a channel, then its default assistant per brand,
 * the rules tried before it, and a preview of which assistant a described visitor would get.
 * The channel is in the address so a reload or a shared link keeps it.
 */
export function RulesTab() {
  const [searchParams, setSearchParams] = useSearchParams();
  const channel = channelFrom(searchParams.get("channel"));
  const canEdit = useCan(scopes.organizationWrite);
  const [editing, setEditing] = useState<Rule | "new" | null>(null);
  const rules = useRules();
  const brands = useBrands();
  const klasses = useKlasses();
  const assistants = useAllAssistants();
  const shown = (rules.data ?? []).filter((rule) => rule.channel === channel);
  // Mantine's lg breakpoint, where the preview sits beside the rules.
  const wide = useMediaQuery("(min-width: 75em)") ?? false;
  const narrow = useMediaQuery("(max-width: 62em)") ?? false;
  const changeChannel = (value: string) =>
    setSearchParams(value === "chat" ? {} : { channel: value }, { replace: true });

  return (
    <Stack gap="lg">
      <Box style={{ overflowX: "auto" }}>
        <Group gap="sm" wrap="nowrap">
          <Text size="sm" fw={500} id="rules-channel-label">
            {text.tab.channel}
          </Text>
          {narrow ? (
            // Six channel names do not fit a narrow window side by side.
            <Select
              aria-labelledby="rules-channel-label"
              data={channelOptions}
              value={channel}
              allowDeselect={false}
              onChange={(value) => value && changeChannel(value)}
            />
          ) : (
            <SegmentedControl
              aria-labelledby="rules-channel-label"
              data={channelOptions}
              value={channel}
              onChange={changeChannel}
            />
          )}
        </Group>
      </Box>
      {!canEdit && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} p="xs">
          <Text size="sm">{text.tab.readOnly}</Text>
        </Alert>
      )}
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <DefaultAssistantsSection channel={channel} canEdit={canEdit} />
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="assistant-rules-title">
              <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
                <Stack gap={4}>
                  <Title order={2} size="h4" id="assistant-rules-title">
                    {text.list.title}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {text.list.description}
                  </Text>
                </Stack>
                {canEdit && (
                  <Button
                    leftSection={<IconPlus size={16} aria-hidden />}
                    onClick={() => setEditing("new")}
                    style={{ flexShrink: 0 }}
                  >
                    {text.list.addRule}
                  </Button>
                )}
              </Group>
              {rules.isPending || assistants.isPending ? (
                <PageLoading />
              ) : rules.error || assistants.error ? (
                <PageError
                  error={rules.error ?? assistants.error}
                  onRetry={() => Promise.all([rules.refetch(), assistants.refetch()])}
                />
              ) : shown.length === 0 ? (
                <EmptyState title={text.list.emptyTitle} body={text.list.emptyBody(channelName(channel))} />
              ) : (
                <RuleList
                  rules={rules.data ?? []}
                  shown={shown}
                  canEdit={canEdit}
                  klasses={klasses.data ?? []}
                  assistants={assistants.data ?? []}
                  brands={brands.data ?? []}
                  onEdit={setEditing}
                />
              )}
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }} style={wide ? { position: "sticky", top: 72 } : undefined}>
          <RulePreview
            sticky={wide}
            key={channel}
            channel={channel}
            rules={shown}
            brands={brands.data ?? []}
            klasses={klasses.data ?? []}
          />
        </Grid.Col>
      </Grid>
      {canEdit && <RuleDrawer editing={editing} channel={channel} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
