import {
  Alert,
  Button,
  Code,
  FileInput,
  Group,
  List,
  Modal,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFileImport } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { type AssistantSummary, type AssistantWithProblems, assistantsQueryKey } from "../api/assistants.ts";
import { ApiError, api, type Problem } from "../api/client.ts";
import { useKnowledgeBases } from "../api/organization-data.ts";
import { strings } from "../strings/index.ts";
import { type AssistantFile, importAssistant, readAssistantFile } from "./assistant-import.ts";

const text = strings.assistants.importing;
const labels = strings.assistants;

/** Import (spec 16): an exported file becomes a new assistant here, or replaces an existing one's draft. */
export function ImportAssistantModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={text.title} size="lg">
      {opened && <ImportForm onClose={onClose} />}
    </Modal>
  );
}

function ProblemList({ problems }: { problems: Problem[] }) {
  return (
    <List size="sm" spacing={4} aria-label={text.problemsTitle(problems.length)}>
      {problems.map((problem) => (
        <List.Item key={`${problem.path}:${problem.code}:${problem.message}`}>
          <Code>{problem.path || "/"}</Code> {problem.message}
        </List.Item>
      ))}
    </List>
  );
}

function ImportForm({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [parsed, setParsed] = useState<AssistantFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [target, setTarget] = useState<"new" | "existing">("new");
  const [existingId, setExistingId] = useState<string | null>(null);
  const [internalName, setInternalName] = useState("");
  const [knowledgeBaseMap, setKnowledgeBaseMap] = useState<Record<string, string | null>>({});
  const [showMissing, setShowMissing] = useState(false);
  const knowledgeBases = useKnowledgeBases();

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setParsed(null);
    setFileError(null);
    if (!chosen) return;
    const result = await readAssistantFile(chosen);
    if ("error" in result) return setFileError(result.error);
    setParsed(result);
    setInternalName(result.definition.internalName);
    const here = new Set((knowledgeBases.data ?? []).map((base) => base.id));
    // An id that also exists here (a copy within one instance) is kept; others wait for the admin's choice.
    setKnowledgeBaseMap(
      Object.fromEntries(result.knowledgeBaseIds.map((id) => [id, here.has(id) ? id : null])),
    );
  };

  const run = useMutation<AssistantWithProblems, ApiError>({
    mutationFn: () => {
      if (!parsed) throw new Error("no file");
      return importAssistant(parsed, {
        targetId: target === "existing" ? existingId : null,
        internalName: internalName.trim(),
        knowledgeBaseMap: knowledgeBaseMap as Record<string, string>,
      });
    },
    onSuccess: async (imported) => {
      await queryClient.invalidateQueries({ queryKey: assistantsQueryKey });
      if (imported.problems.length === 0) {
        notifications.show({ message: text.imported(imported.internalName), color: "green" });
        onClose();
      }
    },
  });

  const missing =
    !parsed ||
    !internalName.trim() ||
    (target === "existing" && !existingId) ||
    Object.values(knowledgeBaseMap).some((id) => !id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowMissing(true);
    if (!missing) run.mutate();
  };

  if (run.isSuccess && run.data.problems.length > 0) {
    const imported = run.data;
    return (
      <Stack gap="md">
        <Alert color="orange" variant="light" title={text.importedWithProblems}>
          <ProblemList problems={imported.problems} />
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {strings.common.actions.close}
          </Button>
          <Button onClick={() => navigate(`/assistants/${imported.id}`)}>{text.openEditor}</Button>
        </Group>
      </Stack>
    );
  }

  const failure = run.error;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{text.intro}</Text>
        <FileInput
          label={text.file}
          placeholder={text.filePlaceholder}
          accept="application/json,.json"
          leftSection={<IconFileImport size={16} aria-hidden />}
          value={file}
          onChange={(chosen) => void choose(chosen)}
          error={fileError}
          clearable
          data-autofocus
        />
        {parsed && (
          <>
            <Text size="sm" fw={500}>
              {text.found(
                parsed.definition.internalName,
                labels.types[parsed.definition.type] ?? parsed.definition.type,
                labels.channels[parsed.definition.channel] ?? parsed.definition.channel,
              )}
            </Text>
            <TargetFields
              target={target}
              setTarget={setTarget}
              existingId={existingId}
              setExistingId={setExistingId}
              showMissing={showMissing}
            />
            <TextInput
              label={text.internalName}
              required
              maxLength={100}
              value={internalName}
              onChange={(event) => setInternalName(event.currentTarget.value)}
              error={
                showMissing && !internalName.trim() ? strings.assistants.add.internalNameRequired : undefined
              }
            />
            {parsed.knowledgeBaseIds.length > 0 && (
              <Stack gap="xs">
                <Text size="sm" fw={500}>
                  {text.knowledgeBasesTitle}
                </Text>
                <Text size="xs" c="dimmed">
                  {text.knowledgeBasesIntro}
                </Text>
                {parsed.knowledgeBaseIds.map((id) => (
                  <Select
                    key={id}
                    label={text.knowledgeBaseFor(id)}
                    required
                    searchable
                    data={(knowledgeBases.data ?? []).map((base) => ({ value: base.id, label: base.name }))}
                    value={knowledgeBaseMap[id] ?? null}
                    onChange={(value) => setKnowledgeBaseMap((current) => ({ ...current, [id]: value }))}
                    error={showMissing && !knowledgeBaseMap[id] ? text.knowledgeBaseRequired : undefined}
                    nothingFoundMessage={strings.assistants.add.noKnowledgeBases}
                  />
                ))}
              </Stack>
            )}
          </>
        )}
        {failure && (
          <Alert color="red" role="alert" title={text.refused}>
            {failure.problems.length > 0 ? <ProblemList problems={failure.problems} /> : failure.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {strings.common.actions.cancel}
          </Button>
          <Button type="submit" loading={run.isPending} disabled={!parsed}>
            {text.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TargetFields({
  target,
  setTarget,
  existingId,
  setExistingId,
  showMissing,
}: {
  target: "new" | "existing";
  setTarget: (target: "new" | "existing") => void;
  existingId: string | null;
  setExistingId: (id: string | null) => void;
  showMissing: boolean;
}) {
  const existing = useQuery({
    queryKey: ["assistants", "list", "import-targets"],
    queryFn: ({ signal }) => api.get<{ data: AssistantSummary[] }>("/v1/assistants?limit=200", signal),
    enabled: target === "existing",
  });
  return (
    <>
      <Radio.Group
        label={text.target}
        value={target}
        onChange={(value) => setTarget(value as "new" | "existing")}
      >
        <Group gap="lg" mt={6}>
          <Radio value="new" label={text.targetNew} />
          <Radio value="existing" label={text.targetExisting} />
        </Group>
      </Radio.Group>
      {target === "existing" && (
        <Select
          label={text.existing}
          description={text.replaceWarning}
          required
          searchable
          data={(existing.data?.data ?? []).map((assistant) => ({
            value: assistant.id,
            label: assistant.internalName,
          }))}
          value={existingId}
          onChange={setExistingId}
          error={
            existing.error instanceof ApiError
              ? existing.error.message
              : showMissing && !existingId
                ? text.existingRequired
                : undefined
          }
        />
      )}
    </>
  );
}
