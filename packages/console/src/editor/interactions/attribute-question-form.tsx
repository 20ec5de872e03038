import { MultiSelect, Radio, Stack } from "@mantine/core";
import type { AttributeQuestion } from "@parley/model";
import { useState } from "react";
import { type KlassAttribute, useBrands, useTeams } from "../../api/organization-data.ts";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { attributeOf, useAttributeCatalog } from "../fields/attribute-catalog.ts";
import { AttributePicker } from "../fields/attribute-picker.tsx";
import { CheckboxField, TagsField } from "../fields/basic-fields.tsx";
import { useFieldError } from "../fields/field-error.ts";
import { saveTargetKlasses } from "../fields/save-to-field.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { bindFields } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

const text = strings.interactions.attributeQuestion;
const maxValues = 10;

/** Fields whose values can become buttons: choices and lists (Assigned Teams, Brand, custom ones). */
const offersValues = (attribute: KlassAttribute) => attribute.type === "choice" || attribute.type === "list";

/**
 * The values an attribute can take: its Klass lists them, except the two standard ones whose
 * values are the organization's records, teams for Conversation > Assigned Teams and brands for
 * Brand (by name, as the tutorial saves them and routing reads them).
 */
function useValuesOf(): (klass: string, attribute: string) => string[] | undefined {
  const catalog = useAttributeCatalog();
  const teams = useTeams();
  const brands = useBrands();
  return (klass, attribute) => {
    if (klass === "conversation" && attribute === "assignedTeams")
      return teams.data?.map((team) => team.name);
    if (klass === "conversation" && attribute === "brand") return brands.data?.map((brand) => brand.name);
    const values = attributeOf(catalog, klass, attribute)?.values;
    return values && values.length > 0 ? values : undefined;
  };
}

function sameValues(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((value, index) => value === right[index]);
}

/**
 * Data Attribute Question (spec 11, step 2b): the prompt, Conversation (Klass) > Assigned Teams
 * (Field), and which values are offered as buttons: all of them, or the Custom Values chosen.
 */
export function AttributeQuestionForm({
  interaction,
  pointer,
  update,
  readOnly,
}: InteractionFormProps<AttributeQuestion>) {
  const { field } = bindFields(interaction, pointer, update, readOnly);
  const { klass, attribute } = interaction.attribute;
  const valuesOf = useValuesOf();
  const known = valuesOf(klass, attribute);
  const canOfferAll = known !== undefined && known.length > 0 && known.length <= maxValues;
  // Until the admin chooses, the values say which it is (once the teams or Klasses have loaded).
  const [chosenMode, setMode] = useState<"all" | "custom" | null>(null);
  const mode = chosenMode ?? (canOfferAll && sameValues(interaction.values, known) ? "all" : "custom");
  const showingAll = mode === "all" && canOfferAll;
  const valuesPointer = childPointer(pointer, "values");
  const valuesError = useFieldError(valuesPointer);
  const setValues = (values: string[]) =>
    update((draft) => {
      draft.values = values;
    });

  return (
    <Stack gap="sm">
      <TextTemplateField label={strings.interactions.prompt} required {...field("prompt")} />
      <AttributePicker
        klassKey="klass"
        label={text.attribute}
        value={interaction.attribute}
        klasses={saveTargetKlasses}
        accepts={offersValues}
        pointer={childPointer(pointer, "attribute")}
        readOnly={readOnly}
        onChange={(next) => {
          // Another field starts with all its values (its first ten when it has more).
          const values = valuesOf(next.klass, next.attribute);
          setMode(values && values.length <= maxValues ? "all" : "custom");
          update((draft) => {
            draft.attribute = {
              klass: next.klass as AttributeQuestion["attribute"]["klass"],
              attribute: next.attribute,
            };
            if (values) draft.values = values.slice(0, maxValues);
          });
        }}
      />
      <Radio.Group
        label={text.whichValues}
        value={showingAll ? "all" : "custom"}
        onChange={(next) => {
          setMode(next === "all" ? "all" : "custom");
          if (next === "all" && known && canOfferAll) setValues([...known]);
        }}
        data-pointer={showingAll ? valuesPointer : undefined}
        error={showingAll ? valuesError : undefined}
      >
        <Stack gap={6} mt={4}>
          <Radio
            value="all"
            label={text.allValues}
            disabled={readOnly || !canOfferAll}
            description={
              showingAll
                ? interaction.values.join(", ")
                : known && known.length > maxValues
                  ? text.tooManyForAll(known.length)
                  : undefined
            }
          />
          <Radio value="custom" label={text.customValues} disabled={readOnly} />
        </Stack>
      </Radio.Group>
      {!showingAll &&
        (known ? (
          <MultiSelect
            label={text.customValues}
            description={text.customValuesHelp}
            placeholder={text.chooseValues}
            data-pointer={valuesPointer}
            data={[...new Set([...known, ...interaction.values])]}
            value={interaction.values}
            onChange={setValues}
            maxValues={maxValues}
            searchable
            hidePickedOptions
            disabled={readOnly}
            error={valuesError}
            comboboxProps={{ withinPortal: true }}
          />
        ) : (
          <TagsField
            label={text.customValues}
            description={text.noValues}
            pointer={valuesPointer}
            value={interaction.values}
            onChange={setValues}
            maxTags={maxValues}
            readOnly={readOnly}
          />
        ))}
      <CheckboxField
        label={text.skipIfSet}
        pointer={childPointer(pointer, "skipIfSet")}
        checked={interaction.skipIfSet}
        onChange={(checked) =>
          update((draft) => {
            draft.skipIfSet = checked;
          })
        }
        readOnly={readOnly}
      />
    </Stack>
  );
}
