import { Group } from "@mantine/core";
import type { KlassAttribute } from "../../api/organization-data.ts";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { useAttributeCatalog } from "./attribute-catalog.ts";
import { SelectField } from "./basic-fields.tsx";
import { useFieldError } from "./field-error.ts";

const text = strings.interactions.fields;

export interface AttributeChoice {
  klass: string;
  attribute: string;
}

/**
 * Klass > Field, as spec 11 says it: "Customer (Klass) > Name (Field)". `klasses` limits the Klasses
 * (answers are saved on Conversation or Customer only); `accepts` limits the fields. `klassKey` is
 * the name of the Klass in the value: `klass` for save targets, `scope` for conditions.
 */
export function AttributePicker<Key extends "klass" | "scope">({
  value,
  onChange,
  pointer,
  readOnly,
  klasses,
  accepts,
  klassKey,
  label,
  compact = false,
}: {
  value: { [K in Key]: string } & { attribute: string };
  onChange(value: { klass: string; attribute: string }): void;
  pointer: string;
  readOnly: boolean;
  klasses: readonly string[];
  accepts?: (attribute: KlassAttribute, klass: string) => boolean;
  klassKey: Key;
  /** Read by screen readers before "Klass" and "Field", when a form has several pickers. */
  label?: string;
  /** Narrow selects, for a row that has more fields after them (a condition's operator and value). */
  compact?: boolean;
}) {
  const catalog = useAttributeCatalog();
  // A problem about the whole target ("no such attribute") shows under Field, where it is fixed.
  const targetError = useFieldError(pointer, { exact: true });
  const klass = value[klassKey];
  const offered = catalog.klasses.filter((candidate) => klasses.includes(candidate.name));
  const fields = (offered.find((candidate) => candidate.name === klass)?.attributes ?? []).filter(
    (attribute) => accepts?.(attribute, klass) ?? true,
  );
  const klassLabel = label ? `${label}: ${text.klass}` : text.klass;
  const fieldLabel = label ? `${label}: ${text.field}` : text.field;
  return (
    <Group
      gap="xs"
      align="flex-start"
      wrap="wrap"
      role={label ? "group" : undefined}
      aria-label={label}
      data-pointer={pointer}
    >
      <SelectField
        label={text.klass}
        aria-label={klassLabel}
        placeholder={text.chooseKlass}
        pointer={childPointer(pointer, klassKey)}
        readOnly={readOnly}
        data={offered.map((candidate) => ({ value: candidate.name, label: candidate.label }))}
        value={klass}
        onChange={(next) => {
          if (!next || next === klass) return;
          const first = offered
            .find((candidate) => candidate.name === next)
            ?.attributes.find((attribute) => accepts?.(attribute, next) ?? true);
          onChange({ klass: next, attribute: first?.name ?? "" });
        }}
        w={compact ? 140 : 170}
        error={catalog.error ? text.loadFailed : undefined}
      />
      <SelectField
        label={text.field}
        aria-label={fieldLabel}
        placeholder={text.chooseField}
        pointer={childPointer(pointer, "attribute")}
        readOnly={readOnly}
        data={fields.map((attribute) => ({ value: attribute.name, label: attribute.label }))}
        value={value.attribute}
        onChange={(next) => next && onChange({ klass, attribute: next })}
        flex={compact ? undefined : 1}
        miw={compact ? undefined : 180}
        w={compact ? 180 : undefined}
        error={targetError}
      />
    </Group>
  );
}
