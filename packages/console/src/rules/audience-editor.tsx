import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Grid,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from "@mantine/core";
import type { Channel, Condition, ConditionOperator, ConditionScope } from "@parley/model";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { Problem } from "../api/client.ts";
import type { Klass } from "../api/organization-data.ts";
import { problemsAt } from "../components/problems.ts";
import { strings } from "../strings/index.ts";
import {
  type AudienceField,
  comparesText,
  conditionOn,
  fieldOf,
  fieldsOf,
  operatorsFor,
  scopesFor,
  takesList,
  takesValue,
  valueForOperator,
} from "./audience-fields.ts";
import type { Audience } from "./rules-api.ts";

const text = strings.rules.audience;

interface AudienceEditorProps {
  audience: Audience;
  channel: Channel;
  klasses: readonly Klass[];
  problems: readonly Problem[];
  onChange: (audience: Audience) => void;
}

function messageAt(problems: readonly Problem[], pointer: string): string | undefined {
  return problemsAt(problems, pointer)[0]?.message;
}

/** "Define your audience" (spec 06): conditions on Company, Conversation, Customer, Message or Session fields. */
export function AudienceEditor({ audience, channel, klasses, problems, onChange }: AudienceEditorProps) {
  const setCondition = (index: number, condition: Condition) =>
    onChange({
      ...audience,
      conditions: audience.conditions.map((existing, at) => (at === index ? condition : existing)),
    });
  const remove = (index: number) =>
    onChange({ ...audience, conditions: audience.conditions.filter((_, at) => at !== index) });
  const add = () => {
    const [first] = fieldsOf("customer", klasses);
    const field: AudienceField = first ?? { scope: "customer", name: "email", label: "Email", type: "text" };
    onChange({ ...audience, conditions: [...audience.conditions, conditionOn(field)] });
  };
  const usesIdentity = audience.conditions.some(
    (condition) => condition.scope === "customer" || condition.scope === "company",
  );

  return (
    <Fieldset legend={text.title} data-pointer="/audience">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {text.description}
        </Text>
        {audience.conditions.length > 1 && (
          <Group gap="sm">
            <Text size="sm" fw={500} id="audience-match-label">
              {text.match}
            </Text>
            <SegmentedControl
              size="xs"
              aria-labelledby="audience-match-label"
              value={audience.match}
              onChange={(value) => onChange({ ...audience, match: value as Audience["match"] })}
              data={[
                { value: "all", label: text.matchAll },
                { value: "any", label: text.matchAny },
              ]}
            />
          </Group>
        )}
        {audience.conditions.map((condition, index) => (
          <ConditionRow
            // Conditions have no id; the position is what the server's problems name too.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={index}
            index={index}
            condition={condition}
            channel={channel}
            klasses={klasses}
            problems={problems}
            onChange={(next) => setCondition(index, next)}
            onRemove={() => remove(index)}
          />
        ))}
        {usesIdentity && (
          <Text size="xs" c="dimmed">
            {text.identityNote}
          </Text>
        )}
        <Group>
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={add}>
            {text.addCondition}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

interface ConditionRowProps {
  index: number;
  condition: Condition;
  channel: Channel;
  klasses: readonly Klass[];
  problems: readonly Problem[];
  onChange: (condition: Condition) => void;
  onRemove: () => void;
}

function ConditionRow({
  index,
  condition,
  channel,
  klasses,
  problems,
  onChange,
  onRemove,
}: ConditionRowProps) {
  const pointer = `/audience/conditions/${index}`;
  const field = fieldOf(condition.scope, condition.attribute, klasses);
  const scopes = scopesFor(channel);
  const scopeOptions = [...new Set([...scopes, condition.scope])].map((scope) => ({
    value: scope,
    label: strings.rules.scopes[scope] ?? scope,
  }));
  const fields = fieldsOf(condition.scope, klasses);
  const fieldOptions = fields.map((option) => ({ value: option.name, label: option.label }));
  if (!fields.some((option) => option.name === condition.attribute)) {
    fieldOptions.push({ value: condition.attribute, label: condition.attribute });
  }
  const operatorOptions = operatorsFor(field.type).map((operator) => ({
    value: operator,
    label: strings.rules.operators[operator] ?? operator,
  }));
  const number = index + 1;

  const changeScope = (scope: ConditionScope) => {
    const [first] = fieldsOf(scope, klasses);
    onChange(first ? conditionOn(first) : { scope, attribute: "", operator: "equals", value: "" });
  };
  const changeField = (name: string) => onChange(conditionOn(fieldOf(condition.scope, name, klasses)));
  const changeOperator = (operator: ConditionOperator) => {
    const { value: _previous, ...rest } = condition;
    const value = valueForOperator(condition.value, operator);
    onChange({ ...rest, operator, ...(value === undefined ? {} : { value }) });
  };

  return (
    <Paper withBorder p="sm" radius="sm" role="group" aria-label={text.conditionLabel(number)}>
      <Group justify="space-between" mb={4}>
        <Text size="xs" fw={600} c="dimmed">
          {text.conditionLabel(number)}
        </Text>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          aria-label={text.removeCondition(number)}
          onClick={onRemove}
        >
          <IconTrash size={14} aria-hidden />
        </ActionIcon>
      </Group>
      <Grid gap="xs" align="flex-start" columns={24}>
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <Select
            label={text.scope}
            size="xs"
            data={scopeOptions}
            value={condition.scope}
            allowDeselect={false}
            onChange={(value) => value && changeScope(value as ConditionScope)}
            error={messageAt(problems, `${pointer}/scope`)}
            data-pointer={`${pointer}/scope`}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 7 }}>
          <Select
            label={text.attribute}
            size="xs"
            searchable
            placeholder={text.chooseAttribute}
            data={fieldOptions}
            value={condition.attribute || null}
            allowDeselect={false}
            onChange={(value) => value && changeField(value)}
            error={messageAt(problems, `${pointer}/attribute`)}
            data-pointer={`${pointer}/attribute`}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 7 }}>
          <Select
            label={text.operator}
            size="xs"
            data={operatorOptions}
            value={condition.operator}
            allowDeselect={false}
            onChange={(value) => value && changeOperator(value as ConditionOperator)}
            error={messageAt(problems, `${pointer}/operator`)}
            data-pointer={`${pointer}/operator`}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 5 }}>
          {takesValue(condition.operator) && (
            <ConditionValueInput
              field={field}
              condition={condition}
              error={messageAt(problems, `${pointer}/value`)}
              pointer={`${pointer}/value`}
              onChange={(value) => onChange({ ...condition, value })}
            />
          )}
        </Grid.Col>
      </Grid>
      {comparesText(field.type, condition.operator) && (
        <Checkbox
          mt="xs"
          size="xs"
          label={text.caseSensitive}
          checked={condition.caseSensitive ?? false}
          onChange={(event) => {
            const { caseSensitive: _previous, ...rest } = condition;
            onChange(event.currentTarget.checked ? { ...rest, caseSensitive: true } : rest);
          }}
        />
      )}
    </Paper>
  );
}

interface ConditionValueInputProps {
  field: AudienceField;
  condition: Condition;
  error: string | undefined;
  pointer: string;
  onChange: (value: NonNullable<Condition["value"]>) => void;
}

/** The value as the field's type and the operator want it: a list, a number, a date, a choice or text. */
function ConditionValueInput({ field, condition, error, pointer, onChange }: ConditionValueInputProps) {
  const common = { size: "xs" as const, error, "data-pointer": pointer };
  const { value } = condition;
  if (takesList(condition.operator)) {
    return (
      <TagsInput
        {...common}
        label={text.values}
        placeholder={text.valuesPlaceholder}
        data={field.values ?? []}
        value={Array.isArray(value) ? value : []}
        onChange={onChange}
      />
    );
  }
  if (field.type === "number") {
    return (
      <NumberInput
        {...common}
        label={text.value}
        value={typeof value === "number" ? value : typeof value === "string" ? value : ""}
        onChange={(next) => onChange(typeof next === "number" ? next : next)}
      />
    );
  }
  if (field.values && field.values.length > 0) {
    return (
      <Select
        {...common}
        label={text.value}
        data={field.values}
        searchable
        value={typeof value === "string" && value !== "" ? value : null}
        onChange={(next) => onChange(next ?? "")}
      />
    );
  }
  return (
    <TextInput
      {...common}
      label={text.value}
      type={field.type === "date" ? "date" : "text"}
      value={typeof value === "string" || typeof value === "number" ? String(value) : ""}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
