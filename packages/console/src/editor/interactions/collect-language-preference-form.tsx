import { Group, Stack } from "@mantine/core";
import type { CollectLanguagePreference } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { SelectField, TextField } from "../fields/basic-fields.tsx";
import { RepeatedItems } from "../fields/repeated-items.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { bindFields, bindItems } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

const text = strings.interactions.collectLanguagePreference;
const digits = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"];

/** Collect Language Preference (voice): the prompt, and the 2 to 9 languages with their key. */
export function CollectLanguagePreferenceForm({
  interaction,
  pointer,
  update,
  readOnly,
}: InteractionFormProps<CollectLanguagePreference>) {
  const { field } = bindFields(interaction, pointer, update, readOnly);
  const options = bindItems(
    interaction.options,
    childPointer(pointer, "options"),
    (recipe) => update((draft) => recipe(draft.options)),
    readOnly,
  );
  return (
    <Stack gap="sm">
      <TextTemplateField label={strings.interactions.prompt} required {...field("prompt")} />
      <RepeatedItems
        items={interaction.options}
        pointer={childPointer(pointer, "options")}
        label={text.options}
        itemName={text.option}
        addLabel={text.addOption}
        max={9}
        min={2}
        readOnly={readOnly}
        itemKey={(_option, index) => String(index)}
        onAdd={() =>
          update((draft) => {
            const free =
              digits.find((digit) => !draft.options.some((option) => option.digits === digit)) ?? "0";
            draft.options.push({ digits: free, language: "en", label: "English" });
          })
        }
        onRemove={options.onRemove}
        onMove={options.onMove}
        renderItem={(_option, index) => (
          <Group gap="xs" align="flex-start" wrap="wrap">
            <SelectField label={text.digit} {...options.item(index).field("digits")} data={digits} w={90} />
            <TextField
              label={text.language}
              w={140}
              placeholder="en"
              {...options.item(index).field("language")}
            />
            <TextField
              label={text.label}
              flex={1}
              miw={160}
              {...options.item(index).field("label")}
              maxLength={100}
            />
          </Group>
        )}
      />
    </Stack>
  );
}
