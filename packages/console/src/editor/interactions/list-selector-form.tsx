import { Group, Stack } from "@mantine/core";
import { type ListSelector, maxListOptions } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { TextField } from "../fields/basic-fields.tsx";
import { nextChildId } from "../fields/child-ids.ts";
import { DialogSelect } from "../fields/reference-selects.tsx";
import { moveItem, RepeatedItems } from "../fields/repeated-items.tsx";
import { SaveToField } from "../fields/save-to-field.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { setOptional, UnderstandIntentsField, useDefaultDialogId } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

const text = strings.interactions.listSelector;
type ListOption = ListSelector["options"][number];

/** List Selector (WhatsApp, spec 04): up to 10 options, each with a description and a dialog. */
export function ListSelectorForm({
  interaction,
  pointer,
  update,
  readOnly,
}: InteractionFormProps<ListSelector>) {
  const defaultDialogId = useDefaultDialogId();
  const optionsPointer = childPointer(pointer, "options");
  const change = (index: number, recipe: (option: ListOption) => void) =>
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
      <TextField
        label={text.buttonLabel}
        required
        maxLength={20}
        pointer={childPointer(pointer, "buttonLabel")}
        value={interaction.buttonLabel}
        onChange={(value) =>
          update((draft) => {
            draft.buttonLabel = value;
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
        onRemove={(index) => update((draft) => void draft.options.splice(index, 1))}
        onMove={(from, to) => update((draft) => moveItem(draft.options, from, to))}
        renderItem={(option, index) => (
          <Group gap="xs" align="flex-start" wrap="wrap">
            <TextField
              label={text.label}
              required
              maxLength={24}
              flex={1}
              miw={160}
              pointer={childPointer(optionsPointer, index, "label")}
              value={option.label}
              onChange={(value) =>
                change(index, (target) => {
                  target.label = value;
                })
              }
              readOnly={readOnly}
            />
            <TextField
              label={text.description}
              maxLength={72}
              flex={2}
              miw={200}
              pointer={childPointer(optionsPointer, index, "description")}
              value={option.description}
              onChange={(value) => change(index, (target) => setOptional(target, "description", value))}
              readOnly={readOnly}
            />
            <DialogSelect
              w={220}
              required
              pointer={childPointer(optionsPointer, index, "dialogId")}
              value={option.dialogId}
              onChange={(value) =>
                value &&
                change(index, (target) => {
                  target.dialogId = value;
                })
              }
              readOnly={readOnly}
            />
          </Group>
        )}
      />
      <SaveToField
        label={strings.interactions.fields.saveChoice}
        pointer={childPointer(pointer, "saveTo")}
        value={interaction.saveTo}
        onChange={(value) => update((draft) => setOptional(draft, "saveTo", value))}
        readOnly={readOnly}
      />
      <UnderstandIntentsField
        pointer={pointer}
        value={interaction.understandIntents}
        onChange={(value) =>
          update((draft) => {
            draft.understandIntents = value;
          })
        }
        readOnly={readOnly}
      />
    </Stack>
  );
}
