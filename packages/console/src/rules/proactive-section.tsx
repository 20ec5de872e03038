import { Button, Checkbox, Fieldset, Group, Stack, Text } from "@mantine/core";
import type { Condition } from "@parley/model";
import { IconPlus } from "@tabler/icons-react";
import { strings } from "../strings/index.ts";
import type { RuleFieldProps } from "./rule-target-fields.tsx";

const text = strings.rules.form;

const pageConditions: Record<"currentPage" | "timeOnPage", Condition> = {
  currentPage: { scope: "session", attribute: "currentPage", operator: "contains", value: "" },
  timeOnPage: { scope: "session", attribute: "timeOnPage", operator: "greater_or_equal", value: 60 },
};

/**
 * Proactive chat (spec 06, "Start a proactive chat"): the rule opens the chat by itself when its
 * audience matches. What triggers it is the audience, usually the page and the time on it, so
 * this section offers those two conditions in one click.
 */
export function ProactiveSection({ input, update, problemAt }: RuleFieldProps) {
  const isChat = input.channel === "chat";
  const has = (attribute: string) =>
    input.audience.conditions.some(
      (condition) => condition.scope === "session" && condition.attribute === attribute,
    );
  const addCondition = (key: keyof typeof pageConditions) =>
    update({
      audience: { ...input.audience, conditions: [...input.audience.conditions, pageConditions[key]] },
    });

  return (
    <Fieldset legend={text.proactiveSection}>
      <Stack gap="xs">
        <Checkbox
          label={text.proactive}
          description={isChat ? text.proactiveDescription : text.proactiveChatOnly}
          checked={input.proactive}
          disabled={!isChat && !input.proactive}
          onChange={(event) => update({ proactive: event.currentTarget.checked })}
          error={problemAt("/proactive")}
          data-pointer="/proactive"
        />
        {input.proactive && isChat && (!has("currentPage") || !has("timeOnPage")) && (
          <Group gap="xs" align="center">
            <Text size="xs" c="dimmed">
              {text.proactiveHint}
            </Text>
            {!has("currentPage") && (
              <Button
                size="compact-xs"
                variant="light"
                leftSection={<IconPlus size={12} aria-hidden />}
                onClick={() => addCondition("currentPage")}
              >
                {text.addCurrentPage}
              </Button>
            )}
            {!has("timeOnPage") && (
              <Button
                size="compact-xs"
                variant="light"
                leftSection={<IconPlus size={12} aria-hidden />}
                onClick={() => addCondition("timeOnPage")}
              >
                {text.addTimeOnPage}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
