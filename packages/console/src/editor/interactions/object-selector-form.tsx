import { Group, Input, Stack, Text } from "@mantine/core";
import type { ObjectSelector } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { useAttributeCatalog } from "../fields/attribute-catalog.ts";
import { SelectField } from "../fields/basic-fields.tsx";
import { DialogSelect } from "../fields/reference-selects.tsx";
import { SaveToField } from "../fields/save-to-field.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { bindFields } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

const text = strings.interactions.objectSelector;

/**
 * Object Selector (spec 04): the custom Klass, which of its attributes fill the card's title,
 * description and optional image, where the choice is saved, and the two redirects.
 */
export function ObjectSelectorForm({
  interaction,
  pointer,
  update,
  readOnly,
}: InteractionFormProps<ObjectSelector>) {
  const { field, optionalField, nested } = bindFields(interaction, pointer, update, readOnly);
  const card = nested("card");
  const catalog = useAttributeCatalog();
  const customKlasses = catalog.klasses.filter(
    (klass) => !klass.standard && klass.name !== "message" && klass.name !== "session",
  );
  const klass = customKlasses.find((candidate) => candidate.name === interaction.klass);
  const attributes = (klass?.attributes ?? []).map((attribute) => ({
    value: attribute.name,
    label: attribute.label,
  }));
  return (
    <Stack gap="sm">
      <TextTemplateField label={strings.interactions.prompt} required {...field("prompt")} />
      <SelectField
        label={text.klass}
        description={text.klassHelp}
        required
        pointer={childPointer(pointer, "klass")}
        value={interaction.klass}
        data={customKlasses.map((candidate) => ({ value: candidate.name, label: candidate.label }))}
        onChange={(value) => {
          if (!value || value === interaction.klass) return;
          // The card maps the new Klass's attributes: its first two, until the admin picks.
          const names =
            customKlasses.find((candidate) => candidate.name === value)?.attributes.map((a) => a.name) ?? [];
          update((draft) => {
            draft.klass = value;
            draft.card = {
              title: names[0] ?? draft.card.title,
              description: names[1] ?? names[0] ?? draft.card.description,
            };
          });
        }}
        readOnly={readOnly}
      />
      {!catalog.loading && customKlasses.length === 0 && (
        <Text size="xs" c="dimmed">
          {text.noCustomKlasses}
        </Text>
      )}
      <Input.Wrapper label={text.card}>
        <Group gap="xs" align="flex-start" wrap="wrap" mt={4}>
          <SelectField
            label={text.cardTitle}
            required
            data={attributes}
            {...card.field("title")}
            flex={1}
            miw={160}
          />
          <SelectField
            label={text.cardDescription}
            required
            data={attributes}
            {...card.field("description")}
            flex={1}
            miw={160}
          />
          <SelectField
            label={text.cardImage}
            clearable
            data={attributes}
            {...card.optionalField("image")}
            flex={1}
            miw={160}
          />
        </Group>
      </Input.Wrapper>
      <SaveToField label={strings.interactions.fields.saveChoice} {...optionalField("saveTo")} />
      <DialogSelect label={text.notAuthenticatedRedirect} required {...field("notAuthenticatedRedirect")} />
      <DialogSelect label={text.noResultsRedirect} required {...field("noResultsRedirect")} />
    </Stack>
  );
}
