import { ActionIcon, Group, NumberInput, Select, Stack, TagsInput, Text, TextInput } from "@mantine/core";
import type { ConditionScope } from "@parley/model";
import { IconX } from "@tabler/icons-react";
import type { Klass } from "../api/organization-data.ts";
import { strings } from "../strings/index.ts";
import { type AudienceField, fieldOf, fieldsOf } from "./audience-fields.ts";

const text = strings.rules.preview;

/** The Klass scopes a visitor has attributes in (session and message have their own inputs). */
export const attributeScopes = ["customer", "company", "conversation"] as const;
export type AttributeScope = (typeof attributeScopes)[number];

export type VisitorValue = string | number | boolean | string[] | null;
/** Keyed "customer.email": what the described visitor's records hold. */
export type VisitorAttributes = Record<string, VisitorValue>;

export function attributeKey(scope: ConditionScope, attribute: string): string {
  return `${scope}.${attribute}`;
}

export function splitKey(key: string): { scope: AttributeScope; attribute: string } {
  const [scope, attribute = ""] = key.split(".", 2);
  return { scope: scope as AttributeScope, attribute };
}

interface VisitorAttributesProps {
  keys: string[];
  values: VisitorAttributes;
  klasses: readonly Klass[];
  onChange: (key: string, value: VisitorValue) => void;
  onAdd: (key: string) => void;
  onRemove: (key: string) => void;
}

/** The attributes the rules filter on, with a value for the visitor; more can be added. */
export function VisitorAttributesInputs({
  keys,
  values,
  klasses,
  onChange,
  onAdd,
  onRemove,
}: VisitorAttributesProps) {
  const groups = attributeScopes.map((scope) => ({
    group: strings.rules.scopes[scope] ?? scope,
    items: fieldsOf(scope, klasses)
      .filter((field) => !keys.includes(attributeKey(scope, field.name)))
      // Whether the customer is authenticated has its own switch.
      .filter((field) => !(scope === "customer" && field.name === "authenticated"))
      .map((field) => ({ value: attributeKey(scope, field.name), label: field.label })),
  }));
  return (
    <Stack gap="xs">
      {keys.map((key) => {
        const { scope, attribute } = splitKey(key);
        const field = fieldOf(scope, attribute, klasses);
        const label = `${strings.rules.scopes[scope] ?? scope} ${field.label}`;
        return (
          <Group key={key} gap="xs" align="flex-end" wrap="nowrap">
            <AttributeValueInput
              field={field}
              label={label}
              value={values[key] ?? null}
              onChange={(value) => onChange(key, value)}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              mb={4}
              aria-label={text.removeAttribute(label)}
              onClick={() => onRemove(key)}
            >
              <IconX size={14} aria-hidden />
            </ActionIcon>
          </Group>
        );
      })}
      {keys.length === 0 && (
        <Text size="xs" c="dimmed">
          {text.attributesDescription}
        </Text>
      )}
      <Select
        size="xs"
        aria-label={text.addAttribute}
        placeholder={text.addAttribute}
        searchable
        data={groups}
        value={null}
        onChange={(value) => value && onAdd(value)}
      />
    </Stack>
  );
}

interface AttributeValueInputProps {
  field: AudienceField;
  label: string;
  value: VisitorValue;
  onChange: (value: VisitorValue) => void;
}

function AttributeValueInput({ field, label, value, onChange }: AttributeValueInputProps) {
  const common = { size: "xs" as const, label, style: { flex: 1 } };
  if (field.type === "boolean") {
    return (
      <Select
        {...common}
        clearable
        data={[
          { value: "true", label: strings.rules.audience.yes },
          { value: "false", label: strings.rules.audience.no },
        ]}
        value={value === null ? null : String(value)}
        onChange={(next) => onChange(next === null ? null : next === "true")}
      />
    );
  }
  if (field.type === "number") {
    return (
      <NumberInput
        {...common}
        value={typeof value === "number" ? value : ""}
        onChange={(next) => onChange(typeof next === "number" ? next : null)}
      />
    );
  }
  if (field.type === "list") {
    return (
      <TagsInput
        {...common}
        data={field.values ?? []}
        value={Array.isArray(value) ? value : []}
        onChange={(next) => onChange(next)}
      />
    );
  }
  return (
    <TextInput
      {...common}
      type={field.type === "date" ? "date" : "text"}
      value={typeof value === "string" ? value : ""}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
