import { Input, Paper, Stack } from "@mantine/core";
import type { BusinessSchedule } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { ScheduleSelect } from "../fields/reference-selects.tsx";
import { bindFields, setOptional } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";
import { InteractionPathFields } from "./interaction-path-fields.tsx";

const text = strings.interactions.businessSchedule;
const paths = ["duringHours", "outsideHours"] as const;

/** Business Schedule (spec 04): the schedule, and what runs during and outside its hours. */
export function BusinessScheduleForm({
  interaction,
  pointer,
  update,
  readOnly,
}: InteractionFormProps<BusinessSchedule>) {
  const { field } = bindFields(interaction, pointer, update, readOnly);
  return (
    <Stack gap="sm">
      <ScheduleSelect
        required
        {...field("scheduleId")}
        // An imported file may hold an empty id: the select shows it as none picked.
        value={interaction.scheduleId || undefined}
      />
      {paths.map((key) => (
        <Paper key={key} withBorder p="sm" radius="md">
          <Input.Wrapper label={text[key]} description={text.pathHelp}>
            <Stack gap="xs" mt={6} role="group" aria-label={text[key]}>
              <InteractionPathFields
                path={interaction[key]}
                pointer={childPointer(pointer, key)}
                readOnly={readOnly}
                onRedirectChange={(dialogId) =>
                  update((draft) => setOptional(draft[key], "redirectTo", dialogId))
                }
              />
            </Stack>
          </Input.Wrapper>
        </Paper>
      ))}
    </Stack>
  );
}
