import { Checkbox, Group, Stack, Switch, Textarea } from "@mantine/core";
import {
  type FollowUpChannel,
  followUpChannels,
  isAvailable,
  volumeControlAvailability,
} from "@parley/model";
import { useDraftEditor } from "../editor/draft-editor.tsx";
import { strings } from "../strings/index.ts";
import { DurationInput } from "./duration-input.tsx";
import { SettingCard } from "./setting-card.tsx";
import { useFieldProps } from "./settings-field.ts";
import { useVolumeControlUpdate, volumeControlPointer } from "./volume-control-update.ts";

const text = strings.settings.volumeControl;
const pointer = `${volumeControlPointer}/agentMissed`;

/** Spec 10, chat only: offer follow-up channels when no agent answers, and mark done if none is chosen. */
export function AgentMissedSetting() {
  const { definition } = useDraftEditor();
  const change = useVolumeControlUpdate();
  const { agentMissed } = definition.settings.volumeControl;
  const after = useFieldProps(`${pointer}/afterMinutes`);
  const message = useFieldProps(`${pointer}/message`);
  const channels = useFieldProps(`${pointer}/followUpChannels`);
  const markDone = useFieldProps(`${pointer}/markDoneIfNoChoice`);
  const timeout = useFieldProps(`${pointer}/choiceTimeoutSeconds`);
  const canMarkDone = isAvailable(
    volumeControlAvailability.agentMissedMarkDone,
    definition.channel,
    definition.type,
  );
  return (
    <SettingCard
      pointer={pointer}
      title={text.agentMissed.title}
      description={text.agentMissed.description}
      enabled={agentMissed.enabled}
      onEnabledChange={(enabled) =>
        change((volumeControl) => {
          volumeControl.agentMissed.enabled = enabled;
        })
      }
    >
      <DurationInput
        {...after}
        label={text.agentMissed.after}
        description={text.agentMissed.afterHint}
        unit={text.minutes}
        min={1}
        max={1440}
        value={agentMissed.afterMinutes}
        onChange={(value) =>
          change((volumeControl) => {
            volumeControl.agentMissed.afterMinutes = value;
          })
        }
      />
      <Textarea
        {...message}
        label={text.agentMissed.message}
        description={text.agentMissed.messageHint}
        autosize
        minRows={2}
        maxLength={4096}
        value={agentMissed.message}
        onChange={(event) => {
          const value = event.currentTarget.value;
          change((volumeControl) => {
            volumeControl.agentMissed.message = value;
          });
        }}
      />
      <Checkbox.Group
        data-pointer={channels["data-pointer"]}
        error={channels.error}
        label={text.agentMissed.followUpChannels}
        description={text.agentMissed.followUpChannelsHint}
        value={agentMissed.followUpChannels}
        onChange={(value) =>
          change((volumeControl) => {
            // Kept in the spec's order, whatever order they were ticked in.
            volumeControl.agentMissed.followUpChannels = followUpChannels.filter((channel) =>
              value.includes(channel),
            ) as FollowUpChannel[];
          })
        }
      >
        <Group gap="lg" mt={8}>
          {followUpChannels.map((channel) => (
            <Checkbox
              key={channel}
              value={channel}
              label={text.agentMissed.channels[channel]}
              disabled={channels.readOnly}
            />
          ))}
        </Group>
      </Checkbox.Group>
      {(canMarkDone || agentMissed.markDoneIfNoChoice) && (
        <Stack gap="sm">
          <Switch
            {...markDone}
            readOnly={undefined}
            disabled={markDone.readOnly || (!canMarkDone && !agentMissed.markDoneIfNoChoice)}
            label={text.agentMissed.markDone}
            checked={agentMissed.markDoneIfNoChoice}
            onChange={(event) => {
              const checked = event.currentTarget.checked;
              change((volumeControl) => {
                volumeControl.agentMissed.markDoneIfNoChoice = checked;
              });
            }}
          />
          {agentMissed.markDoneIfNoChoice && (
            <DurationInput
              {...timeout}
              label={text.agentMissed.markDoneAfter}
              description={text.agentMissed.markDoneAfterHint}
              unit={text.seconds}
              min={5}
              max={3600}
              value={agentMissed.choiceTimeoutSeconds}
              onChange={(value) =>
                change((volumeControl) => {
                  volumeControl.agentMissed.choiceTimeoutSeconds = value;
                })
              }
            />
          )}
        </Stack>
      )}
    </SettingCard>
  );
}
