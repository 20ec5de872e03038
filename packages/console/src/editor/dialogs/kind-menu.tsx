import { Button, Menu, Text } from "@mantine/core";
import type { AnyInteractionKind } from "@parley/model";
import { IconChevronDown, IconPlus } from "@tabler/icons-react";
import { useId } from "react";
import {
  useBusinessSchedules,
  useKlasses,
  useKnowledgeBases,
  useTeams,
} from "../../api/organization-data.ts";
import type { InteractionKindEntry } from "../interaction-catalog.ts";
import type { OrganizationChoices } from "./new-interaction.ts";

/**
 * A menu of interaction kinds, as Add Interaction and Add End Interaction show them (spec 05):
 * each kind's name, with a line saying what it does.
 */
export function KindMenu({
  label,
  kinds,
  onSelect,
  variant = "light",
  size = "sm",
}: {
  label: string;
  kinds: readonly InteractionKindEntry[];
  onSelect(kind: AnyInteractionKind): void;
  variant?: "light" | "default" | "subtle";
  size?: "xs" | "sm";
}) {
  const idPrefix = useId();
  if (kinds.length === 0) return null;
  return (
    <Menu position="bottom-start" withinPortal shadow="md" width={360}>
      <Menu.Target>
        <Button
          variant={variant}
          size={size}
          leftSection={<IconPlus size={14} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown mah={420} style={{ overflowY: "auto" }}>
        <Menu.Label>{label}</Menu.Label>
        {kinds.map((entry) => {
          const descriptionId = `${idPrefix}-${entry.kind}`;
          return (
            <Menu.Item
              key={entry.kind}
              onClick={() => onSelect(entry.kind)}
              aria-label={entry.label}
              aria-describedby={entry.description ? descriptionId : undefined}
            >
              <Text size="sm" fw={500}>
                {entry.label}
              </Text>
              {entry.description && (
                <Text size="xs" c="dimmed" id={descriptionId}>
                  {entry.description}
                </Text>
              )}
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}

/** The organization's records new interactions refer to by default; cached and shared with the forms. */
export function useOrganizationChoices(): OrganizationChoices {
  const teams = useTeams();
  const schedules = useBusinessSchedules();
  const knowledgeBases = useKnowledgeBases();
  const klasses = useKlasses();
  return {
    teams: teams.data ?? [],
    schedules: schedules.data ?? [],
    knowledgeBases: knowledgeBases.data ?? [],
    klasses: klasses.data ?? [],
  };
}
