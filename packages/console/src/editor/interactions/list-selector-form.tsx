import { Group, Stack } from "@mantine/core";
import { type ListSelector, maxListOptions } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { TextField } from "../fields/basic-fields.tsx";
import { nextChildId } from "../fields/child-ids.ts";
import { DialogSelect } from "../fields/reference-selects.tsx";
import { RepeatedItems } from "../fields/repeated-items.tsx";
import { SaveToField } from "../fields/save-to-field.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { bindFields, bindItems, UnderstandIntentsField, useDefaultDialogId } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

const text = strings.interactions.listSelector;

/** List Selector (WhatsApp, spec 04): up to 10 options, each with a description and a dialog. */
export function ListSelectorForm({
  interaction,
  pointer,
  update,
  readOnly,
}: InteractionFormProps<ListSelector>) {
  const { field, optionalField } = bindFields(interaction, pointer, update, readOnly);
  const defaultDialogId = useDefaultDialogId();
  const options = bindItems(
    interaction.options,
    childPointer(pointer, "options"),
    (recipe) => update((draft) => recipe(draft.options)),
    readOnly,
  );
  return (
    <Stack gap="sm">
      <TextTemplateField label={strings.interactions.prompt} required {...field("prompt")} />
      <TextField label={text.buttonLabel} required maxLength={20} {...field("buttonLabel")} />
      <RepeatedItems
        items={interaction.options}
        pointer={childPointer(pointer, "options")}
        label={text.options}
        itemName={text.option}
        addLabel={text.addOption}
        max={maxListOptions}
        min={1}
        readOnly={readOnly}
        bordered
        itemKey={(option) => option.id}
        onAdd={() =>
          update((draft) => {
            draft.options.push({
              id: nextChildId("option", draft.options),
              label: text.newOption(draft.options.length + 1),
              dialogId: defaultDialogId,
            });
          })
        }
        onRemove={options.onRemove}
        onMove={options.onMove}
        renderItem={(_option, index) => (
          <Group gap="xs" align="flex-start" wrap="wrap">
            <TextField
              label={text.label}
              required
              maxLength={24}
              flex={1}
              miw={160}
              {...options.item(index).field("label")}
            />
            <TextField
              label={text.description}
              maxLength={72}
              flex={2}
              miw={200}
              {...options.item(index).optionalField("description")}
            />
            <DialogSelect w={220} required {...options.item(index).field("dialogId")} />
          </Group>
        )}
      />
      <SaveToField label={strings.interactions.fields.saveChoice} {...optionalField("saveTo")} />
      <UnderstandIntentsField {...field("understandIntents")} />
    </Stack>
  );
}
