import { Select, Stack, Textarea, TextInput } from "@mantine/core";
import { isInteractionAvailable } from "@parley/model";
import { useAiProfiles } from "../api/organization-data.ts";
import { useDraftEditor } from "../editor/draft-editor.tsx";
import { strings } from "../strings/index.ts";
import { useFieldProps } from "./settings-field.ts";

const text = strings.settings.general;
const supportedLanguages = ["en", "es", "pt"];

/** The names from Add Assistant (spec 11), the language, and the AI profile for Premium assistants. */
export function GeneralSettings() {
  const { definition, update } = useDraftEditor();
  const internalName = useFieldProps("/internalName");
  const description = useFieldProps("/description");
  const publicName = useFieldProps("/publicName");
  const language = useFieldProps("/defaultLanguage");
  const languages = supportedLanguages.includes(definition.defaultLanguage)
    ? supportedLanguages
    : [...supportedLanguages, definition.defaultLanguage];
  const editorText = strings.editor.page;

  return (
    <Stack gap="md" maw={640}>
      <TextInput
        {...internalName}
        label={text.internalName}
        description={text.internalNameHint}
        withAsterisk
        maxLength={100}
        value={definition.internalName}
        onChange={(event) => {
          const value = event.currentTarget.value;
          update((draft) => {
            draft.internalName = value;
          });
        }}
      />
      <Textarea
        {...description}
        label={text.description}
        description={text.descriptionHint}
        autosize
        minRows={2}
        maxLength={500}
        value={definition.description}
        onChange={(event) => {
          const value = event.currentTarget.value;
          update((draft) => {
            draft.description = value;
          });
        }}
      />
      <TextInput
        {...publicName}
        label={text.publicName}
        description={text.publicNameHint}
        maxLength={100}
        value={definition.publicName}
        onChange={(event) => {
          const value = event.currentTarget.value;
          update((draft) => {
            draft.publicName = value;
          });
        }}
      />
      <Select
        {...language}
        label={text.defaultLanguage}
        description={text.defaultLanguageHint}
        styles={{ wrapper: { maxWidth: 320 } }}
        allowDeselect={false}
        data={languages.map((tag) => ({ value: tag, label: text.languages[tag] ?? text.otherLanguage(tag) }))}
        value={definition.defaultLanguage}
        onChange={(value) => {
          if (value)
            update((draft) => {
              draft.defaultLanguage = value;
            });
        }}
      />
      <TextInput
        label={text.channelAndType}
        description={text.channelAndTypeHint}
        styles={{ wrapper: { maxWidth: 320 } }}
        readOnly
        variant="filled"
        value={`${editorText.channels[definition.channel] ?? definition.channel} · ${editorText.types[definition.type] ?? definition.type}`}
      />
      {isInteractionAvailable("ai_response", definition.channel, definition.type) && <AiProfileField />}
    </Stack>
  );
}

function AiProfileField() {
  const { definition, update } = useDraftEditor();
  const field = useFieldProps("/settings/aiProfileId");
  const profiles = useAiProfiles();
  const current = definition.settings.aiProfileId;
  const options = (profiles.data ?? []).map((profile) => ({ value: profile.id, label: profile.name }));
  if (current && profiles.isSuccess && !options.some((option) => option.value === current)) {
    options.push({ value: current, label: text.aiProfileMissing(current) });
  }
  return (
    <Select
      {...field}
      label={text.aiProfile}
      description={text.aiProfileHint}
      placeholder={text.aiProfileNone}
      styles={{ wrapper: { maxWidth: 420 } }}
      clearable
      disabled={profiles.isPending}
      data={options}
      value={current ?? null}
      onChange={(value) =>
        update((draft) => {
          if (value) draft.settings.aiProfileId = value;
          else delete draft.settings.aiProfileId;
        })
      }
    />
  );
}
