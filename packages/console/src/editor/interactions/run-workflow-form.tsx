import { Group, Stack, TextInput } from "@mantine/core";
import type { RunWorkflow, SaveTarget } from "@parley/model";
import { useState } from "react";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { AttributePicker } from "../fields/attribute-picker.tsx";
import { TextField } from "../fields/basic-fields.tsx";
import { RepeatedItems } from "../fields/repeated-items.tsx";
import { saveTargetKlasses } from "../fields/save-to-field.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { bindFields } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

const text = strings.interactions.runWorkflow;
const maxInputs = 50;
const maxOutputs = 50;

/** `inputs` with one entry renamed, keeping the order the admin sees. */
function renamed(inputs: Record<string, string>, from: string, to: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [name === from ? to : name, value]),
  );
}

/**
 * Run Workflow (spec 09): the callable workflow, the data it needs (input parameters, as text with
 * placeholders such as {{conversation.orderNumber}}), and where each output parameter is saved.
 */
export function RunWorkflowForm({
  interaction,
  pointer,
  update,
  readOnly,
}: InteractionFormProps<RunWorkflow>) {
  const { field } = bindFields(interaction, pointer, update, readOnly);
  const inputsPointer = childPointer(pointer, "inputs");
  const outputsPointer = childPointer(pointer, "outputs");
  const inputs = Object.entries(interaction.inputs);
  return (
    <Stack gap="sm">
      <TextField label={text.workflow} description={text.workflowHelp} required {...field("workflowId")} />
      <RepeatedItems
        items={inputs}
        pointer={inputsPointer}
        label={text.inputs}
        itemName={text.input}
        addLabel={text.addInput}
        max={maxInputs}
        readOnly={readOnly}
        itemKey={(_entry, index) => String(index)}
        onAdd={() =>
          update((draft) => {
            let number = Object.keys(draft.inputs).length + 1;
            while (text.newInput(number) in draft.inputs) number += 1;
            draft.inputs[text.newInput(number)] = "";
          })
        }
        onRemove={(index) =>
          update((draft) => {
            const name = Object.keys(draft.inputs)[index];
            if (name !== undefined) delete draft.inputs[name];
          })
        }
        renderItem={([name, value]) => (
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <InputName
              name={name}
              taken={inputs.map(([other]) => other)}
              readOnly={readOnly}
              onRename={(next) =>
                update((draft) => {
                  draft.inputs = renamed(draft.inputs, name, next);
                })
              }
            />
            <div style={{ flex: 1 }}>
              <TextTemplateField
                label={text.inputValue}
                minRows={1}
                pointer={childPointer(inputsPointer, name)}
                value={value}
                onChange={(next) =>
                  update((draft) => {
                    draft.inputs[name] = next;
                  })
                }
                readOnly={readOnly}
              />
            </div>
          </Group>
        )}
      />
      <RepeatedItems
        items={interaction.outputs}
        pointer={outputsPointer}
        label={text.outputs}
        itemName={text.output}
        addLabel={text.addOutput}
        max={maxOutputs}
        readOnly={readOnly}
        itemKey={(_output, index) => String(index)}
        onAdd={() =>
          update((draft) => {
            draft.outputs.push({ output: "", saveTo: { klass: "conversation", attribute: "name" } });
          })
        }
        onRemove={(index) => update((draft) => void draft.outputs.splice(index, 1))}
        renderItem={(output, index) => (
          <Group gap="xs" align="flex-start" wrap="wrap">
            <TextField
              label={text.outputName}
              w={200}
              required
              pointer={childPointer(outputsPointer, index, "output")}
              value={output.output}
              onChange={(value) =>
                update((draft) => {
                  const target = draft.outputs[index];
                  if (target) target.output = value;
                })
              }
              readOnly={readOnly}
            />
            <AttributePicker
              klassKey="klass"
              label={text.saveOutputTo}
              value={output.saveTo}
              klasses={saveTargetKlasses}
              pointer={childPointer(outputsPointer, index, "saveTo")}
              readOnly={readOnly}
              onChange={(next) =>
                update((draft) => {
                  const target = draft.outputs[index];
                  if (target) target.saveTo = next as SaveTarget;
                })
              }
            />
          </Group>
        )}
      />
    </Stack>
  );
}

/**
 * An input's name is a key of `inputs`: it changes when the admin leaves the field, and only to a
 * name no other input has, so typing never merges two inputs.
 */
function InputName({
  name,
  taken,
  readOnly,
  onRename,
}: {
  name: string;
  taken: string[];
  readOnly: boolean;
  onRename(name: string): void;
}) {
  const [draft, setDraft] = useState(name);
  const trimmed = draft.trim();
  const clash = trimmed !== name && taken.includes(trimmed);
  return (
    <TextInput
      label={text.inputName}
      value={draft}
      readOnly={readOnly}
      maxLength={64}
      w={180}
      error={clash ? text.duplicateInput : undefined}
      onChange={(event) => setDraft(event.currentTarget.value)}
      onBlur={() => {
        if (trimmed !== "" && trimmed !== name && !clash) onRename(trimmed);
        else setDraft(name);
      }}
    />
  );
}
