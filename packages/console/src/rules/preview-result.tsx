import { Alert, Box, Stack, Text } from "@mantine/core";
import type { Channel } from "@parley/model";
import { IconAlertTriangle, IconMessageChatbot, IconMessageOff } from "@tabler/icons-react";
import type { Klass, Named } from "../api/organization-data.ts";
import { strings } from "../strings/index.ts";
import { AudienceSummary } from "./audience-summary.tsx";
import { channelName } from "./channel-names.ts";
import { type EvaluationResult, type Rule, useAllAssistants, usePublishedDialogs } from "./rules-api.ts";

const text = strings.rules.preview;

interface PreviewResultProps {
  channel: Channel;
  rules: Rule[];
  brands: readonly Named[];
  klasses: readonly Klass[];
  answered: { result: EvaluationResult; brandId: string | null; proactive: boolean } | null;
  stale: boolean;
  error: Error | null;
}

/** Why the described visitor gets what they get: the matching rule, the default assistant, or nothing. */
function reasonOf(props: PreviewResultProps, result: EvaluationResult): string {
  const brand = props.brands.find((candidate) => candidate.id === props.answered?.brandId);
  const channel = channelName(props.channel);
  if (result.source === "rule") {
    const at = props.rules.findIndex((rule) => rule.id === result.ruleId);
    const rule = props.rules[at];
    return rule ? text.ruleMatched(at + 1, rule.name) : text.ruleMatchedUnknown;
  }
  if (result.source === "default") return text.defaultRuns(brand?.name ?? "", channel);
  if (props.answered?.proactive) return text.noneProactive;
  if (!brand) return text.noneNoBrand;
  return text.noneNoDefault(brand.name, channel);
}

/** The answer of POST /v1/rules/evaluate, announced to screen readers as it changes. */
export function PreviewResult(props: PreviewResultProps) {
  const { answered, stale, error } = props;
  const result = answered?.result;
  const assistants = useAllAssistants();
  const withAssistant = result && result.source !== "none" ? result : null;
  const dialogs = usePublishedDialogs(withAssistant?.assistantId, withAssistant?.version);

  let body: React.ReactNode = null;
  if (error) {
    body = (
      <Alert color="red" icon={<IconAlertTriangle aria-hidden />} p="xs">
        <Text size="sm">{error.message}</Text>
      </Alert>
    );
  } else if (result) {
    const rule =
      result.source === "rule" ? props.rules.find((candidate) => candidate.id === result.ruleId) : null;
    const assistant = withAssistant
      ? assistants.data?.find((candidate) => candidate.id === withAssistant.assistantId)
      : undefined;
    const dialog = withAssistant
      ? (dialogs.data?.find((candidate) => candidate.id === withAssistant.startDialogId)?.name ??
        withAssistant.startDialogId)
      : null;
    body = (
      <Box
        p="sm"
        bg={withAssistant ? "indigo.0" : "gray.0"}
        style={{ borderRadius: "var(--mantine-radius-sm)", opacity: stale ? 0.6 : 1 }}
      >
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {reasonOf(props, result)}
          </Text>
          {rule && <AudienceSummary audience={rule.audience} klasses={props.klasses} size="xs" />}
          {withAssistant ? (
            <Stack gap={2}>
              <Text size="sm">
                <IconMessageChatbot size={14} aria-hidden style={{ verticalAlign: "-2px" }} />{" "}
                {text.assistant}:{" "}
                <Text span fw={600}>
                  {assistant?.internalName ?? withAssistant.assistantId}
                </Text>{" "}
                ({text.version(withAssistant.version)})
              </Text>
              <Text size="sm">
                {text.startDialog}:{" "}
                <Text span fw={600}>
                  {dialog}
                </Text>
              </Text>
            </Stack>
          ) : (
            <Text size="sm">
              <IconMessageOff size={14} aria-hidden style={{ verticalAlign: "-2px" }} /> {text.noAssistant}
            </Text>
          )}
          {stale && (
            <Text size="xs" c="dimmed">
              {text.stale}
            </Text>
          )}
        </Stack>
      </Box>
    );
  }

  return (
    <div role="status" aria-live="polite" aria-label={text.resultTitle}>
      {body}
    </div>
  );
}
