import { Group, Stack } from "@mantine/core";
import { type AttributeType, type UpdateAttribute, updatableStandardAttributes } from "@parley/model";
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
import { NumberField, SelectField, TagsField, TextField } from "../fields/basic-fields.tsx";
import { RepeatedItems } from "../fields/repeated-items.tsx";
import { saveTargetKlasses } from "../fields/save-to-field.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

const text = strings.interactions.updateAttribute;
const maxUpdates = 20;
type AttributeUpdate = UpdateAttribute["updates"][number];

/** Spec 04: custom attributes, and of the standard ones only those it lists (Name, Priority, Brand…). */
function isUpdatable(attribute: KlassAttribute, klass: string): boolean {
  if (!attribute.standard) return true;
  const updatable: readonly string[] = updatableStandardAttributes[klass as "conversation"] ?? [];
  return updatable.includes(attribute.name);
}

/** A value of the shape the attribute takes, keeping what fits of the old one. */
function valueFor(type: AttributeType | undefined, old: AttributeUpdate["value"]): AttributeUpdate["value"] {
  const single = Array.isArray(old) ? (old[0] ?? "") : old;
  if (type === "list") return Array.isArray(old) ? old : single === "" ? [] : [String(single)];
  if (type === "number") return typeof single === "number" ? single : Number(single) || 0;
  if (type === "boolean") return typeof single === "boolean" ? single : true;
  return typeof single === "string" ? single : String(single);
}

function retarget(
  draft: AttributeUpdate,
  next: { klass: string; attribute: string },
  catalog: AttributeCatalog,
) {
  draft.target = { klass: next.klass as AttributeUpdate["target"]["klass"], attribute: next.attribute };
  const type = attributeTypeIn(catalog, next.klass, next.attribute);
  draft.value = valueFor(type, draft.value);
  if (type !== "list") draft.operation = "set";
}

/** Update Attribute (spec 04): each Conversation or Customer attribute to change, and its new value. */
export function UpdateAttributeForm({
  interaction,
  pointer,
  update,
  readOnly,
}: InteractionFormProps<UpdateAttribute>) {
  const catalog = useAttributeCatalog();
  const updatesPointer = childPointer(pointer, "updates");
  const change = (index: number, recipe: (target: AttributeUpdate) => void) =>
    update((draft) => {
      const target = draft.updates[index];
      if (target) recipe(target);
    });
  return (
    <RepeatedItems
      items={interaction.updates}
      pointer={updatesPointer}
      label={text.updates}
      itemName={text.update}
      addLabel={text.addUpdate}
      max={maxUpdates}
      min={1}
      readOnly={readOnly}
      bordered
      itemKey={(_update, index) => String(index)}
      onAdd={() =>
        update((draft) => {
          draft.updates.push({
            target: { klass: "conversation", attribute: "priority" },
            value: 1,
            operation: "set",
          });
        })
      }
      onRemove={(index) => update((draft) => void draft.updates.splice(index, 1))}
      renderItem={(item, index) => {
        const at = childPointer(updatesPointer, index);
        const type = attributeTypeIn(catalog, item.target.klass, item.target.attribute);
        return (
          <Stack gap={6}>
            <Group gap="xs" align="flex-start" wrap="wrap">
              <AttributePicker
                klassKey="klass"
                value={item.target}
                klasses={saveTargetKlasses}
                accepts={isUpdatable}
                pointer={childPointer(at, "target")}
                readOnly={readOnly}
                onChange={(next) => change(index, (target) => retarget(target, next, catalog))}
              />
              <SelectField
                label={text.operation}
                pointer={childPointer(at, "operation")}
                value={item.operation}
                data={(type === "list" ? ["set", "add", "remove"] : ["set"]).map((operation) => ({
                  value: operation,
                  label: text.operations[operation] ?? operation,
                }))}
                onChange={(value) =>
                  value &&
                  change(index, (target) => {
                    target.operation = value as AttributeUpdate["operation"];
                  })
                }
                readOnly={readOnly}
                w={120}
              />
            </Group>
            <UpdateValueField
              item={item}
              type={type}
              attribute={attributeOf(catalog, item.target.klass, item.target.attribute)}
              pointer={childPointer(at, "value")}
              readOnly={readOnly}
              onChange={(value) =>
                change(index, (target) => {
                  target.value = value;
                })
              }
            />
          </Stack>
        );
      }}
    />
  );
}

function UpdateValueField({
  item,
  type,
  attribute,
  pointer,
  readOnly,
  onChange,
}: {
  item: AttributeUpdate;
  type: AttributeType | undefined;
  attribute: KlassAttribute | undefined;
  pointer: string;
  readOnly: boolean;
  onChange(value: AttributeUpdate["value"]): void;
}) {
  const common = { pointer, readOnly, label: text.value };
  const { value } = item;
  if (type === "list" || Array.isArray(value)) {
    return (
      <TagsField
        {...common}
        description={text.listValueHelp}
        data={attribute?.values}
        value={Array.isArray(value) ? value : []}
        onChange={onChange}
      />
    );
  }
  if (type === "number" || typeof value === "number") {
    return (
      <NumberField
        {...common}
        value={typeof value === "number" ? value : undefined}
        onChange={(next) => onChange(next ?? 0)}
      />
    );
  }
  if (type === "boolean" || typeof value === "boolean") {
    return (
      <SelectField
        {...common}
        data={[
          { value: "true", label: text.yes },
          { value: "false", label: text.no },
        ]}
        value={String(value)}
        onChange={(next) => onChange(next === "true")}
      />
    );
  }
  if (type === "choice" && attribute?.values && attribute.values.length > 0) {
    return (
      <SelectField
        {...common}
        data={attribute.values}
        value={value}
        onChange={(next) => onChange(next ?? "")}
      />
    );
  }
  if (type === "date") return <TextField {...common} value={value} onChange={onChange} />;
  return <TextTemplateField {...common} minRows={1} value={value} onChange={onChange} />;
}
