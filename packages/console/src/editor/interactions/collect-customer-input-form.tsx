import { Group, Stack } from "@mantine/core";
import type { CollectCustomerInput } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { NumberField, SelectField, TagsField, TextField } from "../fields/basic-fields.tsx";
import { nextChildId } from "../fields/child-ids.ts";
import { DialogSelect } from "../fields/reference-selects.tsx";
import { RepeatedItems } from "../fields/repeated-items.tsx";
import { SaveToField } from "../fields/save-to-field.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { bindFields, bindItems, setOptional, useDefaultDialogId } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

const text = strings.interactions.collectCustomerInput;
const maxOptions = 12;
const modes = ["digits", "speech", "digits_or_speech"] as const;
const keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "*", "#"];
type InputOption = CollectCustomerInput["options"][number];

/**
 * Collect Customer Input (voice): the prompt, keypad digits and/or speech, options that redirect to
 * dialogs, and where input matching no option is saved.
 */
export function CollectCustomerInputForm({
  interaction,
  pointer,
  update,
  readOnly,
}: InteractionFormProps<CollectCustomerInput>) {
  const { field, optionalField } = bindFields(interaction, pointer, update, readOnly);
  const optionsPointer = childPointer(pointer, "options");
  const options = bindItems(
    interaction.options,
    optionsPointer,
    (recipe) => update((draft) => recipe(draft.options)),
    readOnly,
  );
  const defaultDialogId = useDefaultDialogId();
  const takesDigits = interaction.mode !== "speech";
  const takesSpeech = interaction.mode !== "digits";
  const change = (index: number, recipe: (option: InputOption) => void) =>
    update((draft) => {
      const target = draft.options[index];
      if (target) recipe(target);
    });
  return (
    <Stack gap="sm">
      <TextTemplateField label={strings.interactions.prompt} required {...field("prompt")} />
      <Group gap="xs" align="flex-start">
        <SelectField
          label={text.mode}
          pointer={childPointer(pointer, "mode")}
          value={interaction.mode}
          data={modes.map((mode) => ({ value: mode, label: text.modes[mode] ?? mode }))}
          onChange={(value) =>
            value &&
            update((draft) => {
              draft.mode = value as CollectCustomerInput["mode"];
            })
          }
          readOnly={readOnly}
          w={240}
        />
        {takesDigits && (
          <NumberField label={text.maxDigits} {...optionalField("maxDigits")} min={1} max={32} />
        )}
      </Group>
      <RepeatedItems
        items={interaction.options}
        pointer={optionsPointer}
        label={text.options}
        itemName={text.option}
        addLabel={text.addOption}
        max={maxOptions}
        readOnly={readOnly}
        itemKey={(option) => option.id}
        onAdd={() =>
          update((draft) => {
            const digits = keys.find((key) => !draft.options.some((option) => option.digits === key));
            draft.options.push({
              id: nextChildId("option", draft.options),
              ...(digits ? { digits } : {}),
              dialogId: draft.options.at(-1)?.dialogId ?? defaultDialogId,
            });
          })
        }
        onRemove={options.onRemove}
        onMove={options.onMove}
        renderItem={(option, index) => (
          <Group gap="xs" align="flex-start" wrap="wrap">
            {takesDigits && (
              <TextField
                label={text.digits}
                w={110}
                {...options.item(index).optionalField("digits")}
                maxLength={8}
              />
            )}
            {takesSpeech && (
              <TagsField
                label={text.phrases}
                flex={1}
                miw={200}
                description={text.phrasesHelp}
                pointer={childPointer(optionsPointer, index, "phrases")}
                value={option.phrases}
                maxTags={20}
                onChange={(value) =>
                  change(index, (target) =>
                    setOptional(target, "phrases", value.length > 0 ? value : undefined),
                  )
                }
                readOnly={readOnly}
              />
            )}
            <DialogSelect
              w={220}
              required
              {...options.item(index).field("dialogId")}
              value={option.dialogId || undefined}
            />
          </Group>
        )}
      />
      <SaveToField label={text.saveInput} {...optionalField("saveTo")} />
    </Stack>
  );
}
