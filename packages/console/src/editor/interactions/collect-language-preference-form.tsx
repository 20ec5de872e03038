import { Group, Stack } from "@mantine/core";
import type { CollectLanguagePreference } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { SelectField, TextField } from "../fields/basic-fields.tsx";
import { moveItem, RepeatedItems } from "../fields/repeated-items.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

const text = strings.interactions.collectLanguagePreference;
const digits = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"];
type LanguageOption = CollectLanguagePreference["options"][number];

/** Collect Language Preference (voice): the prompt, and the 2 to 9 languages with their key. */
export function CollectLanguagePreferenceForm({
  interaction,
  pointer,
  update,
  readOnly,
}: InteractionFormProps<CollectLanguagePreference>) {
  const optionsPointer = childPointer(pointer, "options");
  const change = (index: number, recipe: (option: LanguageOption) => void) =>
    update((draft) => {
      const target = draft.options[index];
      if (target) recipe(target);
    });
  return (
    <Stack gap="sm">
      <TextTemplateField
        label={strings.interactions.prompt}
        required
        pointer={childPointer(pointer, "prompt")}
        value={interaction.prompt}
        onChange={(value) =>
          update((draft) => {
            draft.prompt = value;
          })
        }
        readOnly={readOnly}
      />
      <RepeatedItems
        items={interaction.options}
        pointer={optionsPointer}
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
        onRemove={(index) => update((draft) => void draft.options.splice(index, 1))}
        onMove={(from, to) => update((draft) => moveItem(draft.options, from, to))}
        renderItem={(option, index) => (
          <Group gap="xs" align="flex-start" wrap="wrap">
            <SelectField
              label={text.digit}
              pointer={childPointer(optionsPointer, index, "digits")}
              value={option.digits}
              data={digits}
              onChange={(value) =>
                value &&
                change(index, (target) => {
                  target.digits = value;
                })
              }
              readOnly={readOnly}
              w={90}
            />
            <TextField
              label={text.language}
              w={140}
              placeholder="en"
              pointer={childPointer(optionsPointer, index, "language")}
              value={option.language}
              onChange={(value) =>
                change(index, (target) => {
                  target.language = value;
                })
              }
              readOnly={readOnly}
            />
            <TextField
              label={text.label}
              flex={1}
              miw={160}
              pointer={childPointer(optionsPointer, index, "label")}
              value={option.label}
              maxLength={100}
              onChange={(value) =>
                change(index, (target) => {
                  target.label = value;
                })
              }
              readOnly={readOnly}
            />
          </Group>
        )}
      />
    </Stack>
  );
}
