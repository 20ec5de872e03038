import { Text } from "@mantine/core";
import { Fragment } from "react";
import type { Klass } from "../api/organization-data.ts";
import { strings } from "../strings/index.ts";
import { describeCondition } from "./audience-fields.ts";
import type { Audience } from "./rules-api.ts";

const text = strings.rules;

/** A rule's audience as a sentence, the joining "and" or "or" set apart so each condition reads on its own. */
export function AudienceSummary({
  audience,
  klasses,
  size = "sm",
}: {
  audience: Audience;
  klasses: readonly Klass[];
  size?: "xs" | "sm";
}) {
  if (audience.conditions.length === 0) {
    return (
      <Text size={size} fs="italic">
        {text.list.everyone}
      </Text>
    );
  }
  const joiner = audience.match === "all" ? text.summary.and : text.summary.or;
  return (
    <Text size={size}>
      {audience.conditions.map((condition, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no id, and the list is only read
        <Fragment key={index}>
          {index > 0 && (
            <Text span size="xs" c="dimmed" tt="uppercase" fw={600}>
              {joiner}
            </Text>
          )}
          {describeCondition(condition, klasses)}
        </Fragment>
      ))}
    </Text>
  );
}
