import { Box, Grid, NavLink, Paper, Stack, Text, Title } from "@mantine/core";
import { featureAvailability, isWhatsappChannel } from "@parley/model";
import type { ReactNode } from "react";
import { useDraftEditor } from "../editor/draft-editor.tsx";
import { strings } from "../strings/index.ts";
import { BehaviorSettings } from "./behavior-settings.tsx";
import { GeneralSettings } from "./general-settings.tsx";
import { IntentMappings, UnavailableIntents } from "./intent-mappings.tsx";
import { VolumeControlSettings } from "./volume-control-settings.tsx";

const text = strings.settings;

interface Section {
  id: string;
  title: string;
  content: ReactNode;
}

/**
 * Assistant Settings (spec 10, 11, 08): every section on one page, so a problem's link can always
 * reach its field; the side list jumps between them. Edits go into the editor's working copy and
 * are kept with Save Draft, like the dialogs.
 */
export function AssistantSettingsPage() {
  const { definition } = useDraftEditor();
  const intentsAvailable = featureAvailability.intents.types.includes(definition.type);
  const sections: Section[] = [
    { id: "general", title: text.sections.general, content: <GeneralSettings /> },
    { id: "volume-control", title: text.sections.volumeControl, content: <VolumeControlSettings /> },
  ];
  if (intentsAvailable && isWhatsappChannel(definition.channel)) {
    sections.push({ id: "behavior", title: text.sections.behavior, content: <BehaviorSettings /> });
  }
  if (intentsAvailable) {
    sections.push({ id: "intents", title: text.sections.intents, content: <IntentMappings /> });
  } else if (definition.intents.length > 0) {
    sections.push({ id: "intents", title: text.sections.intents, content: <UnavailableIntents /> });
  }

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 3 }} visibleFrom="md">
        <Box component="nav" aria-label={text.page.sectionsLabel} pos="sticky" top={16}>
          {sections.map((section) => (
            <NavLink
              key={section.id}
              href={`#settings-${section.id}`}
              label={section.title}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(`settings-${section.id}`)?.scrollIntoView({ behavior: "smooth" });
              }}
            />
          ))}
        </Box>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        <Stack gap="lg">
          <Text size="sm" c="dimmed">
            {text.page.saveHint}
          </Text>
          {sections.map((section) => (
            <Paper
              key={section.id}
              component="section"
              id={`settings-${section.id}`}
              aria-labelledby={`settings-${section.id}-title`}
              withBorder
              radius="md"
              p="lg"
            >
              <Title order={2} size="h4" mb="md" id={`settings-${section.id}-title`}>
                {section.title}
              </Title>
              {section.content}
            </Paper>
          ))}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
