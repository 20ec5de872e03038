import { Box, Group, Stack } from "@mantine/core";
import {
  type AttributeType,
  type Condition,
  type ConditionOperator,
  conditionOperators,
  conditionScopes,
  operatorsByAttributeType,
  valuelessOperators,
} from "@parley/model";
import type { KlassAttribute } from "../../api/organization-data.ts";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import {
  type AttributeCatalog,
  attributeOf,
  attributeTypeIn,
  useAttributeCatalog,
} from "../fields/attribute-catalog.ts";
import { AttributePicker } from "../fields/attribute-picker.tsx";
import { CheckboxField, NumberField, SelectField, TagsField, TextField } from "../fields/basic-fields.tsx";

const text = strings.interactions.conditionalBranch;
const listOperators: readonly ConditionOperator[] = ["is_one_of", "is_not_one_of"];
const textOperators: readonly ConditionOperator[] = [
  "equals",
  "not_equals",
  "contains",
  "not_contains",
  "starts_with",
  "ends_with",
  "is_one_of",
  "is_not_one_of",
];

/** A new condition: Conversation > Name is "", which the admin then fills in. */
export function newCondition(): Condition {
  return { scope: "conversation", attribute: "name", operator: "equals", value: "" };
}

/** The operators that fit an attribute's type (condition.ts); all of them for an unknown custom one. */
export function operatorsFor(type: AttributeType | undefined): readonly ConditionOperator[] {
  return type ? operatorsByAttributeType[type] : conditionOperators;
}

/**
 * Keeps a condition's value the shape its operator compares with: none, one value, or a list, and a
 * number for number attributes. What the admin typed is kept where it still fits.
 */
export function fitValue(condition: Condition, type: AttributeType | undefined): void {
  const value = condition.value;
  if (valuelessOperators.includes(condition.operator)) {
    delete condition.value;
    delete condition.caseSensitive;
    return;
  }
  if (listOperators.includes(condition.operator)) {
    if (Array.isArray(value)) return;
    condition.value =
      value === undefined || value === "" || typeof value === "boolean" ? [] : [String(value)];
    return;
  }
  const single = Array.isArray(value) ? value[0] : value;
  if (type === "number") {
    const number = typeof single === "number" ? single : Number(single);
    if (single === undefined || single === "" || Number.isNaN(number)) delete condition.value;
    else condition.value = number;
    return;
  }
  condition.value = single === undefined || typeof single === "boolean" ? "" : String(single);
}

/** One condition: Klass > Field, the operator, and the value when the operator takes one. */
export function ConditionRow({
  condition,
  pointer,
  readOnly,
  change,
}: {
  condition: Condition;
  pointer: string;
  readOnly: boolean;
  change(recipe: (condition: Condition) => void): void;
}) {
  const catalog = useAttributeCatalog();
  const type = attributeTypeIn(catalog, condition.scope, condition.attribute);
  const attribute = attributeOf(catalog, condition.scope, condition.attribute);
  const showCase = (type === undefined || type === "text") && textOperators.includes(condition.operator);
  return (
    <Stack gap={6}>
      <Group gap="xs" align="flex-start" wrap="wrap">
        <AttributePicker
          klassKey="scope"
          compact
          value={condition}
          klasses={conditionScopes}
          pointer={pointer}
          readOnly={readOnly}
          onChange={(next) => change((draft) => retarget(draft, next, catalog))}
        />
        <SelectField
          label={text.operator}
          pointer={childPointer(pointer, "operator")}
          value={condition.operator}
          data={operatorsFor(type).map((operator) => ({
            value: operator,
            label: text.operators[operator] ?? operator,
          }))}
          onChange={(next) =>
            next &&
            change((draft) => {
              draft.operator = next as ConditionOperator;
              fitValue(draft, type);
            })
          }
          readOnly={readOnly}
          w={160}
        />
        <Box flex={1} miw={160}>
          <ConditionValueField
            condition={condition}
            type={type}
            attribute={attribute}
            pointer={childPointer(pointer, "value")}
            readOnly={readOnly}
            onChange={(value) =>
              change((draft) => {
                draft.value = value;
              })
            }
          />
        </Box>
      </Group>
      {showCase && (
        <CheckboxField
          label={text.caseSensitive}
          pointer={childPointer(pointer, "caseSensitive")}
          checked={condition.caseSensitive ?? false}
          onChange={(checked) =>
            change((draft) => {
              if (checked) draft.caseSensitive = true;
              else delete draft.caseSensitive;
            })
          }
          readOnly={readOnly}
        />
      )}
    </Stack>
  );
}

/** Another attribute: the operator stays when it fits the new type, the value takes the new shape. */
function retarget(
  draft: Condition,
  next: { klass: string; attribute: string },
  catalog: AttributeCatalog,
): void {
  draft.scope = next.klass as Condition["scope"];
  draft.attribute = next.attribute;
  const type = attributeTypeIn(catalog, next.klass, next.attribute);
  const allowed = operatorsFor(type);
  if (!allowed.includes(draft.operator)) draft.operator = allowed[0] ?? "equals";
  fitValue(draft, type);
}

function ConditionValueField({
  condition,
  type,
  attribute,
  pointer,
  readOnly,
  onChange,
}: {
  condition: Condition;
  type: AttributeType | undefined;
  attribute: KlassAttribute | undefined;
  pointer: string;
  readOnly: boolean;
  onChange(value: Condition["value"]): void;
}) {
  const common = { pointer, readOnly, label: text.value };
  const value = condition.value;
  if (valuelessOperators.includes(condition.operator)) return null;
  if (listOperators.includes(condition.operator)) {
    return (
      <TagsField
        {...common}
        label={text.values}
        description={text.valuesHelp}
        value={Array.isArray(value) ? value : []}
        data={attribute?.values}
        onChange={onChange}
      />
    );
  }
  if (type === "number") {
    return (
      <NumberField
        {...common}
        w="100%"
        value={typeof value === "number" ? value : undefined}
        onChange={(next) => onChange(next)}
      />
    );
  }
  const current = typeof value === "string" ? value : undefined;
  if ((type === "choice" || type === "list") && attribute?.values && attribute.values.length > 0) {
    return (
      <SelectField
        {...common}
        data={attribute.values}
        value={current}
        onChange={(next) => onChange(next ?? "")}
      />
    );
  }
  return (
    <TextField
      {...common}
      placeholder={type === "date" ? text.datePlaceholder : undefined}
      value={current}
      onChange={onChange}
    />
  );
}
