import { Group, Stack } from "@mantine/core";
import type { Transfer } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { NumberField, TagsField, TextField } from "../fields/basic-fields.tsx";
import { TeamSelect } from "../fields/reference-selects.tsx";
import { TextTemplateField } from "../fields/text-template-field.tsx";
import { bindFields, setOptional } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

const text = strings.interactions.transfer;

/** Transfer to an agent: the message sent first, the team, and the routing data queue rules read. */
export function TransferForm({ interaction, pointer, update, readOnly }: InteractionFormProps<Transfer>) {
  const { optionalField, nested } = bindFields(interaction, pointer, update, readOnly);
  const routingFields = nested("routing");
  const routing = childPointer(pointer, "routing");
  return (
    <Stack gap="sm">
      <TextTemplateField label={text.message} {...optionalField("message")} />
      <TeamSelect label={text.team} description={text.teamHelp} clearable {...optionalField("teamId")} />
      <Group gap="xs" align="flex-start" wrap="wrap">
        <NumberField label={text.priority} {...routingFields.optionalField("priority")} min={1} max={5} />
        <TextField
          label={text.queue}
          flex={1}
          miw={200}
          maxLength={128}
          {...routingFields.optionalField("queue")}
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
