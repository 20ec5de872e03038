import { attributeTypes, standardAttributes, updatableStandardAttributes } from "../attributes.ts";
import {
  featureAvailability,
  type VolumeControlSetting,
  volumeControlAvailability,
} from "../capabilities.ts";
import { assistantTypes, channels } from "../channels.ts";
import { operatorsByAttributeType } from "../condition.ts";
import type { InteractionDefinition } from "../interactions/definition.ts";
import { allInteractionDefinitions } from "../interactions/registry.ts";
import { typeLabels } from "./labels.ts";
import { problemCodes } from "./problem-codes.ts";

/**
 * The tables of docs/assistant-format.md, rendered from the interaction definitions, the capability tables
 * and the problem codes so the documentation cannot disagree with the code.
 * Cells are padded the way Biome formats Markdown tables, so the generated
 * text is already formatted.
 */
function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(3, title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

const available = (yes: boolean) => (yes ? "✓" : "");
function interactionName(definition: InteractionDefinition): string {
  return `${definition.label}${definition.end ? " (end)" : ""}`;
}

export function channelTable(): string {
  return markdownTable(
    ["interaction", "kind", ...channels],
    allInteractionDefinitions.map((definition) => [
      interactionName(definition),
      `\`${definition.kind}\``,
      ...channels.map((channel) => available(definition.availability.channels.includes(channel))),
    ]),
  );
}

export function typeTable(): string {
  const types = assistantTypes.map((type) => typeLabels[type]);
  return markdownTable(
    ["interaction or feature", "kind", ...types],
    [
      ...allInteractionDefinitions.map((definition) => [
        interactionName(definition),
        `\`${definition.kind}\``,
        ...assistantTypes.map((type) => available(definition.availability.assistantTypes.includes(type))),
      ]),
      [
        "Intents",
        "`intents`, `understandIntents`",
        ...assistantTypes.map((type) => available(featureAvailability.intents.types.includes(type))),
      ],
    ],
  );
}

const volumeControlRows: Record<VolumeControlSetting, [string, string]> = {
  reminder: ["Inactive customer reminder", "`reminder.enabled`"],
  abandon: ["Customer abandoned conversation", "`abandon.enabled`"],
  abandonMarkDone: ["… mark the abandoned conversation done", '`abandon.action: "mark_done"`'],
  agentMissed: ["Agent missed conversation", "`agentMissed.enabled`"],
  agentMissedMarkDone: [
    "… mark done when no follow-up channel is chosen",
    "`agentMissed.markDoneIfNoChoice`",
  ],
};

export function volumeControlTable(): string {
  const settings = Object.keys(volumeControlRows) as VolumeControlSetting[];
  return markdownTable(
    ["setting", "field", ...channels, ...assistantTypes.map((type) => typeLabels[type])],
    settings.map((setting) => [
      ...volumeControlRows[setting],
      ...channels.map((channel) => available(volumeControlAvailability[setting].channels.includes(channel))),
      ...assistantTypes.map((type) => available(volumeControlAvailability[setting].types.includes(type))),
    ]),
  );
}

export function operatorTable(): string {
  return markdownTable(
    ["attribute type", "operators"],
    attributeTypes.map((type) => [
      type,
      operatorsByAttributeType[type].map((operator) => `\`${operator}\``).join(", "),
    ]),
  );
}

export function standardAttributeTable(): string {
  const updatable: Record<string, readonly string[]> = updatableStandardAttributes;
  return markdownTable(
    ["scope", "attribute", "type", "Update attribute may change it"],
    Object.entries(standardAttributes).flatMap(([scope, attributes]) =>
      Object.entries(attributes).map(([attribute, type]) => [
        `\`${scope}\``,
        `\`${attribute}\``,
        type,
        available(updatable[scope]?.includes(attribute) ?? false),
      ]),
    ),
  );
}

export function problemCodeTable(): string {
  return markdownTable(
    ["code", "severity", "meaning"],
    Object.entries(problemCodes).map(([code, { severity, meaning }]) => [`\`${code}\``, severity, meaning]),
  );
}

/** Each generated table by the name its markers carry in the document. */
export const referenceTables: Record<string, () => string> = {
  "channel-table": channelTable,
  "type-table": typeTable,
  "volume-control-table": volumeControlTable,
  "operator-table": operatorTable,
  "standard-attribute-table": standardAttributeTable,
  "problem-code-table": problemCodeTable,
};

/** Replaces the text between `<!-- generated:name -->` and `<!-- /generated:name -->` with the table. */
export function withReferenceTables(document: string): string {
  let result = document;
  for (const [name, render] of Object.entries(referenceTables)) {
    const start = `<!-- generated:${name} -->`;
    const end = `<!-- /generated:${name} -->`;
    const from = result.indexOf(start);
    const to = result.indexOf(end);
    if (from === -1 || to < from) throw new Error(`The document has no ${start} … ${end} section.`);
    result = `${result.slice(0, from + start.length)}\n\n${render()}\n\n${result.slice(to)}`;
  }
  return result;
}
