import { NumberInput, Radio, Stack, Text, Textarea } from "@mantine/core";
import { isAvailable, volumeControlAvailability } from "@parley/model";
import { useDraftEditor } from "../editor/draft-editor.tsx";
import { strings } from "../strings/index.ts";
import { AgentMissedSetting } from "./agent-missed-setting.tsx";
import { DurationInput } from "./duration-input.tsx";
import { SettingCard, UnavailableSetting } from "./setting-card.tsx";
import { useFieldProps } from "./settings-field.ts";
import { useVolumeControlUpdate, volumeControlPointer } from "./volume-control-update.ts";

const text = strings.settings.volumeControl;
/** Spec 10: the settings this assistant's channel and type can use; the others are not shown. */
export function VolumeControlSettings() {
  const { definition } = useDraftEditor();
  const change = useVolumeControlUpdate();
  const { channel, type } = definition;
  const { reminder, abandon, agentMissed } = definition.settings.volumeControl;
  const can = (setting: keyof typeof volumeControlAvailability) =>
    isAvailable(volumeControlAvailability[setting], channel, type);
  const settings = [
    { key: "reminder", title: text.reminder.title, available: can("reminder"), enabled: reminder.enabled },
    { key: "abandon", title: text.abandon.title, available: can("abandon"), enabled: abandon.enabled },
    {
      key: "agentMissed",
      title: text.agentMissed.title,
      available: can("agentMissed"),
      enabled: agentMissed.enabled,
    },
  ] as const;

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {text.intro}
      </Text>
      {can("reminder") && <ReminderSetting />}
      {can("abandon") && <AbandonSetting />}
      {can("agentMissed") && <AgentMissedSetting />}
      {settings
        .filter((setting) => !setting.available && setting.enabled)
        .map((setting) => (
          <UnavailableSetting
            key={setting.key}
            pointer={`${volumeControlPointer}/${setting.key}/enabled`}
            title={setting.title}
            onTurnOff={() =>
              change((volumeControl) => {
                volumeControl[setting.key].enabled = false;
              })
            }
          />
        ))}
    </Stack>
  );
}

function ReminderSetting() {
  const { definition } = useDraftEditor();
  const change = useVolumeControlUpdate();
  const pointer = `${volumeControlPointer}/reminder`;
  const { reminder } = definition.settings.volumeControl;
  const after = useFieldProps(`${pointer}/afterMinutes`);
  const message = useFieldProps(`${pointer}/message`);
  const reprompts = useFieldProps(`${pointer}/voiceReprompts`);
  return (
    <SettingCard
      pointer={pointer}
      title={text.reminder.title}
      description={text.reminder.description}
      enabled={reminder.enabled}
      onEnabledChange={(enabled) =>
        change((volumeControl) => {
          volumeControl.reminder.enabled = enabled;
        })
      }
    >
      <DurationInput
        {...after}
        label={text.reminder.after}
        description={text.reminder.afterHint}
        unit={text.minutes}
        min={0.5}
        max={1440}
        allowDecimal
        value={reminder.afterMinutes}
        onChange={(value) =>
          change((volumeControl) => {
            volumeControl.reminder.afterMinutes = value;
          })
        }
      />
      <Textarea
        {...message}
        label={text.reminder.message}
        description={text.reminder.messageHint}
        autosize
        minRows={2}
        maxLength={4096}
        value={reminder.message}
        onChange={(event) => {
          const value = event.currentTarget.value;
          change((volumeControl) => {
            volumeControl.reminder.message = value;
          });
        }}
      />
      {definition.channel === "voice" && (
        <NumberInput
          {...reprompts}
          label={text.reminder.voiceReprompts}
          description={text.reminder.voiceRepromptsHint}
          min={1}
          max={10}
          allowDecimal={false}
          clampBehavior="strict"
          styles={{ wrapper: { maxWidth: 260 } }}
          value={reminder.voiceReprompts}
          onChange={(value) => {
            if (typeof value === "number")
              change((volumeControl) => {
                volumeControl.reminder.voiceReprompts = value;
              });
          }}
        />
      )}
    </SettingCard>
  );
}

function AbandonSetting() {
  const { definition } = useDraftEditor();
  const change = useVolumeControlUpdate();
  const pointer = `${volumeControlPointer}/abandon`;
  const { abandon, reminder } = definition.settings.volumeControl;
  const after = useFieldProps(`${pointer}/afterMinutes`);
  const message = useFieldProps(`${pointer}/message`);
  const action = useFieldProps(`${pointer}/action`);
  const canMarkDone = isAvailable(
    volumeControlAvailability.abandonMarkDone,
    definition.channel,
    definition.type,
  );
  return (
    <SettingCard
      pointer={pointer}
      title={text.abandon.title}
      description={text.abandon.description}
      enabled={abandon.enabled}
      onEnabledChange={(enabled) =>
        change((volumeControl) => {
          volumeControl.abandon.enabled = enabled;
        })
      }
    >
      <DurationInput
        {...after}
        label={text.abandon.after}
        description={
          reminder.enabled
            ? `${text.abandon.afterHint} ${text.abandon.afterReminder(reminder.afterMinutes)}`
            : text.abandon.afterHint
        }
        unit={text.minutes}
        min={1}
        max={1440}
        value={abandon.afterMinutes}
        onChange={(value) =>
          change((volumeControl) => {
            volumeControl.abandon.afterMinutes = value;
          })
        }
      />
      <Textarea
        {...message}
        label={text.abandon.message}
        description={text.abandon.messageHint}
        autosize
        minRows={2}
        maxLength={4096}
        value={abandon.message}
        onChange={(event) => {
          const value = event.currentTarget.value;
          change((volumeControl) => {
            volumeControl.abandon.message = value;
          });
        }}
      />
      {(canMarkDone || abandon.action === "mark_done") && (
        <Radio.Group
          data-pointer={action["data-pointer"]}
          error={action.error}
          label={text.abandon.action}
          value={abandon.action}
          onChange={(value) =>
            change((volumeControl) => {
              volumeControl.abandon.action = value === "mark_done" ? "mark_done" : "transfer";
            })
          }
        >
          <Stack gap="xs" mt={6}>
            <Radio value="transfer" label={text.abandon.transfer} disabled={action.readOnly} />
            <Radio
              value="mark_done"
              label={text.abandon.markDone}
              disabled={action.readOnly || !canMarkDone}
            />
          </Stack>
        </Radio.Group>
      )}
    </SettingCard>
  );
}
