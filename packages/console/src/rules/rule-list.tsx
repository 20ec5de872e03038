import { ActionIcon, Badge, Group, Paper, Stack, Switch, Text, Tooltip } from "@mantine/core";
import { modals } from "@mantine/modals";
import { notifications } from "@mantine/notifications";
import { IconArrowDown, IconArrowUp, IconPencil, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AssistantSummary } from "../api/assistants.ts";
import { api, path } from "../api/client.ts";
import type { Klass, Named } from "../api/organization-data.ts";
import { strings } from "../strings/index.ts";
import { AudienceSummary } from "./audience-summary.tsx";
import { inputOf } from "./rule-drawer.tsx";
import { type Rule, rulesQueryKey, usePublishedDialogs } from "./rules-api.ts";

const text = strings.rules.list;

export interface RuleListProps {
  /** Every rule of the organization in order; the list shows one channel's. */
  rules: Rule[];
  shown: Rule[];
  canEdit: boolean;
  klasses: readonly Klass[];
  assistants: readonly AssistantSummary[];
  brands: readonly Named[];
  onEdit: (rule: Rule) => void;
}

/** After a move the row is re-rendered elsewhere; the focus follows the rule so keyboard users keep their place. */
function refocus(ruleId: string, direction: "up" | "down") {
  requestAnimationFrame(() => {
    const wanted = document.getElementById(`rule-${ruleId}-move-${direction}`);
    const other = document.getElementById(`rule-${ruleId}-move-${direction === "up" ? "down" : "up"}`);
    const target = wanted && !(wanted as HTMLButtonElement).disabled ? wanted : other;
    target?.focus();
  });
}

/** The rules of a channel in the order they are tried, with their audience, assistant and dialog. */
export function RuleList({ rules, shown, canEdit, klasses, assistants, brands, onEdit }: RuleListProps) {
  const queryClient = useQueryClient();
  const reorder = useMutation({
    mutationFn: (ids: string[]) => api.put<{ data: Rule[] }>("/v1/rules/order", { ids }),
    onMutate: async (ids) => {
      await queryClient.cancelQueries({ queryKey: rulesQueryKey });
      const previous = queryClient.getQueryData<Rule[]>(rulesQueryKey);
      const byId = new Map(rules.map((rule) => [rule.id, rule]));
      queryClient.setQueryData<Rule[]>(
        rulesQueryKey,
        ids.flatMap((id) => byId.get(id) ?? []),
      );
      return { previous };
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(rulesQueryKey, saved.data);
      notifications.show({ message: text.reordered, color: "green" });
    },
    onError: (error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(rulesQueryKey, context.previous);
      notifications.show({ message: error.message, color: "red" });
    },
  });

  /** Swaps the rule with its neighbour in this channel; the rules of other channels keep their places. */
  const move = (rule: Rule, direction: "up" | "down") => {
    const at = shown.indexOf(rule);
    const neighbour = shown[direction === "up" ? at - 1 : at + 1];
    // Disabling the buttons while saving would take the focus away from a keyboard user.
    if (!neighbour || reorder.isPending) return;
    const ids = rules.map((candidate) => candidate.id);
    const from = ids.indexOf(rule.id);
    const to = ids.indexOf(neighbour.id);
    ids[from] = neighbour.id;
    ids[to] = rule.id;
    reorder.mutate(ids);
    refocus(rule.id, direction);
  };

  return (
    <Stack component="ol" gap="xs" aria-label={text.title} p={0} m={0} style={{ listStyle: "none" }}>
      {shown.map((rule, index) => (
        <RuleRow
          key={rule.id}
          rule={rule}
          position={index + 1}
          isFirst={index === 0}
          isLast={index === shown.length - 1}
          canEdit={canEdit}
          klasses={klasses}
          assistant={assistants.find((assistant) => assistant.id === rule.assistantId)}
          brand={brands.find((brand) => brand.id === rule.brandId)}
          onMove={(direction) => move(rule, direction)}
          onEdit={() => onEdit(rule)}
        />
      ))}
    </Stack>
  );
}

interface RuleRowProps {
  rule: Rule;
  position: number;
  isFirst: boolean;
  isLast: boolean;
  canEdit: boolean;
  klasses: readonly Klass[];
  assistant: AssistantSummary | undefined;
  brand: Named | undefined;
  onMove: (direction: "up" | "down") => void;
  onEdit: () => void;
}

function RuleRow(props: RuleRowProps) {
  const { rule, position, isFirst, isLast, canEdit, klasses, assistant, brand, onMove, onEdit } = props;
  const queryClient = useQueryClient();
  const dialogs = usePublishedDialogs(assistant?.id, assistant?.liveVersion);
  const dialogName = rule.startDialogId
    ? (dialogs.data?.find((dialog) => dialog.id === rule.startDialogId)?.name ??
      text.unknownDialog(rule.startDialogId))
    : text.firstDialog(dialogs.data?.[0]?.name);
  const published = assistant?.liveVersion != null;

  const remove = useMutation({
    mutationFn: () => api.delete(path("/v1/rules", rule.id)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: rulesQueryKey });
      notifications.show({ message: text.deleted(rule.name), color: "green" });
    },
    onError: (error) => notifications.show({ message: error.message, color: "red" }),
  });
  const toggle = useMutation({
    mutationFn: (enabled: boolean) =>
      api.put<Rule>(path("/v1/rules", rule.id), { ...inputOf(rule), enabled }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: rulesQueryKey });
      notifications.show({ message: text.toggled(saved.name, saved.enabled), color: "green" });
    },
    onError: (error) => notifications.show({ message: error.message, color: "red" }),
  });
  const confirmDelete = () =>
    modals.openConfirmModal({
      title: text.deleteTitle,
      children: <Text size="sm">{text.deleteBody(rule.name)}</Text>,
      labels: { confirm: strings.common.actions.delete, cancel: strings.common.actions.cancel },
      confirmProps: { color: "red" },
      onConfirm: () => remove.mutate(),
    });

  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="sm"
      aria-label={rule.name}
      opacity={rule.enabled ? 1 : 0.7}
    >
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <Text fw={700} c="dimmed" w={28} ta="right" aria-hidden>
          {text.position(position)}
        </Text>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600}>{rule.name}</Text>
            {rule.proactive && (
              <Badge size="sm" variant="light" color="grape">
                {text.proactive}
              </Badge>
            )}
            {!rule.enabled && (
              <Badge size="sm" variant="light" color="gray">
                {text.disabled}
              </Badge>
            )}
            <Badge size="sm" variant="outline" color="gray">
              {brand?.name ?? text.allBrands}
            </Badge>
            {rule.phoneNumber && (
              <Badge size="sm" variant="outline" color="gray">
                {text.phone(rule.phoneNumber)}
              </Badge>
            )}
            {rule.whatsappId && (
              <Badge size="sm" variant="outline" color="gray">
                {text.whatsappId(rule.whatsappId)}
              </Badge>
            )}
          </Group>
          <AudienceSummary audience={rule.audience} klasses={klasses} />
          <Text size="sm" c="dimmed">
            {text.starts(assistant?.internalName ?? rule.assistantId, dialogName)}
          </Text>
          {!published && (
            <Text size="xs" c="orange.8">
              {text.notPublished}
            </Text>
          )}
        </Stack>
        {canEdit && (
          <Group gap={4} wrap="nowrap">
            <Switch
              size="sm"
              aria-label={text.enabledLabel(rule.name)}
              checked={rule.enabled}
              disabled={toggle.isPending}
              onChange={(event) => toggle.mutate(event.currentTarget.checked)}
              mr="xs"
            />
            <Tooltip label={text.moveUp(rule.name)} openDelay={400}>
              <ActionIcon
                id={`rule-${rule.id}-move-up`}
                variant="subtle"
                color="gray"
                aria-label={text.moveUp(rule.name)}
                disabled={isFirst}
                onClick={() => onMove("up")}
              >
                <IconArrowUp size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={text.moveDown(rule.name)} openDelay={400}>
              <ActionIcon
                id={`rule-${rule.id}-move-down`}
                variant="subtle"
                color="gray"
                aria-label={text.moveDown(rule.name)}
                disabled={isLast}
                onClick={() => onMove("down")}
              >
                <IconArrowDown size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <ActionIcon variant="subtle" color="gray" aria-label={text.edit(rule.name)} onClick={onEdit}>
              <IconPencil size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={text.delete(rule.name)}
              onClick={confirmDelete}
              loading={remove.isPending}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        )}
      </Group>
    </Paper>
  );
}
