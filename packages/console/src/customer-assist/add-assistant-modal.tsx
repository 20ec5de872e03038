import {
  Alert,
  Button,
  Group,
  Modal,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import {
  type AssistantTemplateName,
  type Channel,
  channels,
  isInteractionAvailable,
  type TemplateLanguage,
  templateLanguages,
  typesForChannel,
} from "@parley/model";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { type AssistantDetail, assistantQueryKey, assistantsQueryKey } from "../api/assistants.ts";
import { type ApiError, api } from "../api/client.ts";
import { useKnowledgeBases } from "../api/organization-data.ts";
import { fieldError, problemsOutside } from "../components/problems.ts";
import { strings } from "../strings/index.ts";

const text = strings.assistants.add;
const labels = strings.assistants;

type NewType = "lite" | "premium";

interface NewAssistant {
  type: NewType;
  internalName: string;
  description: string;
  publicName: string;
  channel: Channel;
  template: AssistantTemplateName;
  knowledgeBaseId: string | null;
  language: TemplateLanguage;
}

const blank: NewAssistant = {
  type: "lite",
  internalName: "",
  description: "",
  publicName: "",
  channel: "chat",
  template: "blank",
  knowledgeBaseId: null,
  language: "en",
};

/** The fields the server's problems can name; anything else is shown above the form. */
const fieldPointers = [
  "/type",
  "/internalName",
  "/description",
  "/publicName",
  "/channel",
  "/template",
  "/knowledgeBaseId",
  "/language",
];

const respondWithAiAvailable = (form: NewAssistant) =>
  isInteractionAvailable("ai_response", form.channel, form.type);

function requestBody(form: NewAssistant) {
  return {
    type: form.type,
    internalName: form.internalName.trim(),
    description: form.description,
    publicName: form.publicName,
    channel: form.channel,
    template: form.template,
    language: form.language,
    ...(form.template === "respond-with-ai" && form.knowledgeBaseId
      ? { knowledgeBaseId: form.knowledgeBaseId }
      : {}),
  };
}

/** The "Add Assistant" box (spec 19): the type, the names, the channel and a template; Create opens the editor. */
export function AddAssistantModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={text.title} size="lg">
      {/* Mounted only while open, so each opening starts from an empty form. */}
      {opened && <AddAssistantForm onClose={onClose} />}
    </Modal>
  );
}

function AddAssistantForm({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<NewAssistant>(blank);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const internalNameInput = useRef<HTMLInputElement>(null);
  const create = useMutation<AssistantDetail, ApiError>({
    mutationFn: () => api.post<AssistantDetail>("/v1/assistants", requestBody(form)),
    onSuccess: async (created) => {
      queryClient.setQueryData(assistantQueryKey(created.id), created);
      await queryClient.invalidateQueries({ queryKey: assistantsQueryKey });
      onClose();
      navigate(`/assistants/${created.id}`);
    },
  });

  const change = (next: Partial<NewAssistant>) => {
    setForm((current) => {
      const updated = { ...current, ...next };
      // Voice is Lite only, and Respond with AI needs Premium on chat or WhatsApp: never keep a choice that cannot be made.
      if (!typesForChannel(updated.channel).includes(updated.type)) updated.channel = "chat";
      if (updated.template === "respond-with-ai" && !respondWithAiAvailable(updated))
        updated.template = "blank";
      return updated;
    });
    setMissing((current) => {
      const remaining = { ...current };
      for (const key of Object.keys(next)) delete remaining[key];
      return remaining;
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const required: Record<string, string> = {};
    if (!form.internalName.trim()) required.internalName = text.internalNameRequired;
    if (form.template === "respond-with-ai" && !form.knowledgeBaseId) {
      required.knowledgeBaseId = text.knowledgeBaseRequired;
    }
    setMissing(required);
    if (required.internalName) {
      internalNameInput.current?.focus();
      // The modal's sticky title would otherwise cover the field it scrolled to.
      internalNameInput.current?.scrollIntoView({ block: "center" });
    }
    if (Object.keys(required).length === 0) create.mutate();
  };

  const error = create.error;
  const errorAt = (field: keyof NewAssistant) => missing[field] ?? fieldError(error, `/${field}`);
  const unplaced = error ? problemsOutside(error.problems, fieldPointers) : [];

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {error && (error.problems.length === 0 || unplaced.length > 0) && (
          <Alert color="red" title={text.failed} role="alert">
            {unplaced.length > 0 ? unplaced.map((problem) => problem.message).join(" ") : error.message}
          </Alert>
        )}
        <Radio.Group
          label={text.typeLabel}
          value={form.type}
          onChange={(value) => change({ type: value as NewType })}
          error={errorAt("type")}
        >
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" mt={6}>
            <TypeCard value="lite" title={text.lite} description={text.liteDescription} />
            <TypeCard value="premium" title={text.premium} description={text.premiumDescription} />
          </SimpleGrid>
        </Radio.Group>
        <TextInput
          ref={internalNameInput}
          label={text.internalName}
          description={text.internalNameDescription}
          required
          maxLength={100}
          value={form.internalName}
          onChange={(event) => change({ internalName: event.currentTarget.value })}
          error={errorAt("internalName")}
          data-autofocus
        />
        <Textarea
          label={text.description}
          description={text.descriptionDescription}
          maxLength={500}
          autosize
          minRows={2}
          value={form.description}
          onChange={(event) => change({ description: event.currentTarget.value })}
          error={errorAt("description")}
        />
        <TextInput
          label={text.publicName}
          description={text.publicNameDescription}
          maxLength={100}
          value={form.publicName}
          onChange={(event) => change({ publicName: event.currentTarget.value })}
          error={errorAt("publicName")}
        />
        <Select
          label={text.channel}
          description={form.type === "premium" ? text.voiceIsLite : text.channelDescription}
          data={channels.map((channel) => ({
            value: channel,
            label: labels.channels[channel] ?? channel,
            disabled: !typesForChannel(channel).includes(form.type),
          }))}
          value={form.channel}
          onChange={(value) => value && change({ channel: value as Channel })}
          allowDeselect={false}
          error={errorAt("channel")}
        />
        <TemplateFields form={form} change={change} errorAt={errorAt} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {strings.common.actions.cancel}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {text.create}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One assistant type, as a card: its name and the one line that tells it apart (spec 02). */
function TypeCard({ value, title, description }: { value: NewType; title: string; description: string }) {
  return (
    <Radio.Card value={value} p="sm" radius="md">
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Radio.Indicator mt={2} />
        <div>
          <Text fw={600} size="sm">
            {title}
          </Text>
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        </div>
      </Group>
    </Radio.Card>
  );
}

function TemplateFields({
  form,
  change,
  errorAt,
}: {
  form: NewAssistant;
  change: (next: Partial<NewAssistant>) => void;
  errorAt: (field: keyof NewAssistant) => string | undefined;
}) {
  const knowledgeBases = useKnowledgeBases();
  const aiAvailable = respondWithAiAvailable(form);
  return (
    <>
      <Select
        label={text.template}
        description={aiAvailable ? undefined : text.respondWithAiNeeds}
        data={(["blank", "tutorial", "respond-with-ai"] as const).map((template) => ({
          value: template,
          label: text.templates[template] ?? template,
          disabled: template === "respond-with-ai" && !aiAvailable,
        }))}
        value={form.template}
        onChange={(value) => value && change({ template: value as AssistantTemplateName })}
        allowDeselect={false}
        error={errorAt("template")}
      />
      {form.template === "respond-with-ai" && (
        <Select
          label={text.knowledgeBase}
          description={
            knowledgeBases.data?.length === 0 ? text.noKnowledgeBases : text.knowledgeBaseDescription
          }
          required
          searchable
          data={(knowledgeBases.data ?? []).map((base) => ({ value: base.id, label: base.name }))}
          value={form.knowledgeBaseId}
          onChange={(value) => change({ knowledgeBaseId: value })}
          error={
            errorAt("knowledgeBaseId") ?? (knowledgeBases.error ? knowledgeBases.error.message : undefined)
          }
          nothingFoundMessage={text.noKnowledgeBases}
        />
      )}
      <Select
        label={text.language}
        description={text.languageDescription}
        data={templateLanguages.map((language) => ({
          value: language,
          label: text.languages[language] ?? language,
        }))}
        value={form.language}
        onChange={(value) => value && change({ language: value as TemplateLanguage })}
        allowDeselect={false}
        error={errorAt("language")}
      />
    </>
  );
}
