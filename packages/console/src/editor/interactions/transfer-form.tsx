import { Group, Stack } from "@mantine/core";
import type { Transfer } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { NumberField, TagsField, TextField } from "../fields/basic-fields.tsx";
import { TeamSelect } from "../fields/reference-selects.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { setOptional } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

const text = strings.interactions.transfer;

/** Transfer to an agent: the message sent first, the team, and the routing data queue rules read. */
export function TransferForm({ interaction, pointer, update, readOnly }: InteractionFormProps<Transfer>) {
  const routing = childPointer(pointer, "routing");
  return (
    <Stack gap="sm">
      <TextTemplateField
        label={text.message}
        pointer={childPointer(pointer, "message")}
        value={interaction.message}
        onChange={(value) => update((draft) => setOptional(draft, "message", value))}
        readOnly={readOnly}
      />
      <TeamSelect
        label={text.team}
        description={text.teamHelp}
        clearable
        pointer={childPointer(pointer, "teamId")}
        value={interaction.teamId}
        onChange={(value) => update((draft) => setOptional(draft, "teamId", value))}
        readOnly={readOnly}
      />
      <Group gap="xs" align="flex-start" wrap="wrap">
        <NumberField
          label={text.priority}
          pointer={childPointer(routing, "priority")}
          value={interaction.routing.priority}
          min={1}
          max={5}
          onChange={(value) => update((draft) => setOptional(draft.routing, "priority", value))}
          readOnly={readOnly}
        />
        <TextField
          label={text.queue}
          flex={1}
          miw={200}
          maxLength={128}
          pointer={childPointer(routing, "queue")}
          value={interaction.routing.queue}
          onChange={(value) => update((draft) => setOptional(draft.routing, "queue", value))}
          readOnly={readOnly}
        />
      </Group>
      <TagsField
        label={text.skills}
        description={text.skillsHelp}
        maxTags={20}
        pointer={childPointer(routing, "skills")}
        value={interaction.routing.skills}
        onChange={(value) =>
          update((draft) => setOptional(draft.routing, "skills", value.length > 0 ? value : undefined))
        }
        readOnly={readOnly}
      />
    </Stack>
  );
}
