import { Checkbox, Input, SegmentedControl, Stack, Text } from "@mantine/core";
import type { Branch, ConditionalBranch } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { TextField } from "../fields/basic-fields.tsx";
import { nextChildId } from "../fields/child-ids.ts";
import { moveItem, RepeatedItems } from "../fields/repeated-items.tsx";
import { ConditionRow, newCondition } from "./condition-editor.tsx";
import { setOptional } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";
import { InteractionPathFields } from "./interaction-path-fields.tsx";

const text = strings.interactions.conditionalBranch;
const maxBranches = 20;
const maxConditions = 20;

type Change = (recipe: (interaction: ConditionalBranch) => void) => void;

/**
 * Conditional Branch (spec 04): branches checked in order, each with a name, all/any of its
 * conditions, and the interactions and redirect that run when it matches; then "In all other
 * cases", which is optional.
 */
export function ConditionalBranchForm({
  interaction,
  pointer,
  update,
  readOnly,
}: InteractionFormProps<ConditionalBranch>) {
  const branchesPointer = childPointer(pointer, "branches");
  const otherwisePointer = childPointer(pointer, "otherwise");
  return (
    <Stack gap="sm">
      <RepeatedItems
        items={interaction.branches}
        pointer={branchesPointer}
        itemName={text.branch}
        addLabel={text.addBranch}
        max={maxBranches}
        min={1}
        readOnly={readOnly}
        bordered
        itemKey={(branch) => branch.id}
        onAdd={() =>
          update((draft) => {
            draft.branches.push({
              id: nextChildId("branch", draft.branches),
              match: "all",
              conditions: [newCondition()],
              interactions: [],
            });
          })
        }
        onRemove={(index) => update((draft) => void draft.branches.splice(index, 1))}
        onMove={(from, to) => update((draft) => moveItem(draft.branches, from, to))}
        renderItem={(branch, index) => (
          <BranchFields
            branch={branch}
            index={index}
            pointer={childPointer(branchesPointer, index)}
            readOnly={readOnly}
            update={update}
          />
        )}
      />
      <Stack gap={6} data-pointer={otherwisePointer}>
        <Checkbox
          label={text.otherwise}
          description={text.otherwiseHelp}
          checked={interaction.otherwise !== undefined}
          disabled={readOnly}
          onChange={(event) => {
            const on = event.currentTarget.checked;
            update((draft) => setOptional(draft, "otherwise", on ? { interactions: [] } : undefined));
          }}
        />
        {interaction.otherwise && (
          <InteractionPathFields
            path={interaction.otherwise}
            pointer={otherwisePointer}
            readOnly={readOnly}
            onRedirectChange={(dialogId) =>
              update((draft) => {
                if (draft.otherwise) setOptional(draft.otherwise, "redirectTo", dialogId);
              })
            }
          />
        )}
      </Stack>
    </Stack>
  );
}

function BranchFields({
  branch,
  index,
  pointer,
  readOnly,
  update,
}: {
  branch: Branch;
  index: number;
  pointer: string;
  readOnly: boolean;
  update: Change;
}) {
  const changeBranch = (recipe: (branch: Branch) => void) =>
    update((draft) => {
      const target = draft.branches[index];
      if (target) recipe(target);
    });
  const conditionsPointer = childPointer(pointer, "conditions");
  return (
    <Stack gap="sm">
      <Text fw={600} size="sm">
        {text.branchTitle(index + 1)}
      </Text>
      <TextField
        label={text.name}
        pointer={childPointer(pointer, "name")}
        value={branch.name}
        maxLength={100}
        onChange={(value) => changeBranch((target) => setOptional(target, "name", value))}
        readOnly={readOnly}
      />
      <Input.Wrapper label={text.match} data-pointer={childPointer(pointer, "match")}>
        <div>
          <SegmentedControl
            aria-label={text.match}
            size="xs"
            value={branch.match}
            disabled={readOnly}
            onChange={(value) =>
              changeBranch((target) => {
                target.match = value as Branch["match"];
              })
            }
            data={[
              { value: "all", label: text.matchAll },
              { value: "any", label: text.matchAny },
            ]}
          />
        </div>
      </Input.Wrapper>
      <RepeatedItems
        items={branch.conditions}
        pointer={conditionsPointer}
        label={text.conditions}
        itemName={text.condition}
        addLabel={text.addCondition}
        max={maxConditions}
        min={1}
        readOnly={readOnly}
        itemKey={(_condition, conditionIndex) => String(conditionIndex)}
        onAdd={() => changeBranch((target) => void target.conditions.push(newCondition()))}
        onRemove={(conditionIndex) =>
          changeBranch((target) => void target.conditions.splice(conditionIndex, 1))
        }
        renderItem={(condition, conditionIndex) => (
          <ConditionRow
            condition={condition}
            pointer={childPointer(conditionsPointer, conditionIndex)}
            readOnly={readOnly}
            change={(recipe) =>
              changeBranch((target) => {
                const found = target.conditions[conditionIndex];
                if (found) recipe(found);
              })
            }
          />
        )}
      />
      <Input.Wrapper label={text.thenPath}>
        <InteractionPathFields
          path={branch}
          pointer={pointer}
          readOnly={readOnly}
          onRedirectChange={(dialogId) =>
            changeBranch((target) => setOptional(target, "redirectTo", dialogId))
          }
        />
      </Input.Wrapper>
    </Stack>
  );
}
