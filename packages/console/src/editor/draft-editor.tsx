import { type Assistant, Assistant as AssistantSchema, currentSchemaVersion } from "@parley/model";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { produce } from "immer";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { AssistantDetail, AssistantWithProblems } from "../api/assistants.ts";
import { assistantQueryKey, assistantsQueryKey } from "../api/assistants.ts";
import { ApiError, api, type Problem, path, request } from "../api/client.ts";
import { scopes, useCan } from "../session/session.ts";
import { strings } from "../strings/index.ts";

/**
 * The assistant being edited: the server's draft, the admin's working copy, and the three ways it
 * goes back (Save Draft, Save and Publish, reload). Every tab of the editor (dialogs, settings,
 * flow map) reads and changes the same working copy, so nothing is lost moving between them.
 */
export interface DraftEditor {
  assistant: AssistantDetail;
  /** The working copy, with the admin's unsaved changes. */
  definition: Assistant;
  /** The revision the working copy started from: sent as If-Match. */
  revision: number;
  dirty: boolean;
  /** Why the definition cannot be edited here, or null when it can. */
  readOnlyReason: string | null;
  /** What the server found in the last save or publish, with JSON pointers into the definition. */
  problems: Problem[];
  /** Set when a save found the draft changed by someone else; `reload` takes their version. */
  conflict: ApiError | null;
  update(recipe: (draft: Assistant) => void): void;
  saveDraft(): Promise<boolean>;
  saveAndPublish(): Promise<boolean>;
  /** Drops the working copy and loads the server's draft. */
  reload(): Promise<void>;
  saving: boolean;
  publishing: boolean;
  /** The last failure of a save or publish that is not a list of problems. */
  error: ApiError | null;
}

const DraftEditorContext = createContext<DraftEditor | null>(null);

export function useDraftEditor(): DraftEditor {
  const editor = useContext(DraftEditorContext);
  if (!editor) throw new Error("useDraftEditor needs a DraftEditorProvider");
  return editor;
}

/** Why the console cannot edit this definition safely, or null. */
function unshowableReason(definition: unknown): string | null {
  const version = (definition as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === "number" && version > currentSchemaVersion) {
    return strings.editor.readOnly.newerVersion;
  }
  if (!AssistantSchema.safeParse(definition).success) return strings.editor.readOnly.unreadable;
  // Pro is the legacy type (spec 17): it still runs, but new work goes into Lite or Premium.
  if ((definition as { type?: unknown }).type === "pro") return strings.editor.readOnly.proLegacy;
  return null;
}

export function useAssistantDetail(assistantId: string) {
  return useQuery({
    queryKey: assistantQueryKey(assistantId),
    queryFn: async ({ signal }) => {
      const response = await request<AssistantDetail>("GET", path("/v1/assistants", assistantId), { signal });
      return response.data;
    },
  });
}

export function DraftEditorProvider({
  assistant,
  children,
}: {
  assistant: AssistantDetail;
  children: ReactNode;
}) {
  const queryClient = useQueryClient();
  const canEdit = useCan(scopes.assistantsWrite);
  const [definition, setDefinition] = useState<Assistant>(assistant.draft);
  const [revision, setRevision] = useState(assistant.draftRevision);
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  // Counts the admin's changes, so a save that answers after more typing keeps that typing.
  const changes = useRef(0);

  // A draft loaded again (after a save elsewhere, or a reload) replaces a clean working copy.
  useEffect(() => {
    if (!dirty) {
      setDefinition(assistant.draft);
      setRevision(assistant.draftRevision);
    }
  }, [assistant, dirty]);

  const unshowable = useMemo(() => unshowableReason(assistant.draft), [assistant.draft]);
  const readOnlyReason = unshowable ?? (canEdit ? null : strings.common.states.readOnly);

  const update = useCallback(
    (recipe: (draft: Assistant) => void) => {
      if (readOnlyReason) return;
      setDefinition((current) => produce(current, recipe));
      changes.current += 1;
      setDirty(true);
    },
    [readOnlyReason],
  );

  const accept = useCallback(
    (saved: AssistantWithProblems | AssistantDetail) => {
      queryClient.setQueryData(assistantQueryKey(assistant.id), saved);
      void queryClient.invalidateQueries({ queryKey: assistantsQueryKey, exact: true });
      setDefinition(saved.draft);
      setRevision(saved.draftRevision);
      setDirty(false);
      setConflict(null);
    },
    [assistant.id, queryClient],
  );

  const save = useMutation({
    mutationFn: async () => {
      const changesSent = changes.current;
      const saved = await api.put<AssistantWithProblems>(
        path("/v1/assistants", assistant.id, "draft"),
        definition,
        `"${revision}"`,
      );
      return { saved, changesSent };
    },
    onSuccess: ({ saved, changesSent }) => {
      setProblems(saved.problems);
      if (changes.current === changesSent) {
        accept(saved);
        return;
      }
      // Changed while saving: the next save goes from the new revision, with the newer changes.
      queryClient.setQueryData(assistantQueryKey(assistant.id), saved);
      setRevision(saved.draftRevision);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === "stale_revision") setConflict(error);
      else if (error instanceof ApiError && error.problems.length > 0) setProblems(error.problems);
    },
  });

  const publish = useMutation({
    mutationFn: () => api.post(path("/v1/assistants", assistant.id, "publish")),
    onSuccess: async () => {
      setProblems((current) => current.filter((problem) => problem.severity === "warning"));
      await queryClient.invalidateQueries({ queryKey: assistantQueryKey(assistant.id) });
      await queryClient.invalidateQueries({ queryKey: assistantsQueryKey });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.problems.length > 0) setProblems(error.problems);
    },
  });

  const saveDraft = useCallback(async () => {
    try {
      await save.mutateAsync();
      return true;
    } catch {
      return false;
    }
  }, [save]);

  const saveAndPublish = useCallback(async () => {
    if (dirty && !(await saveDraft())) return false;
    try {
      await publish.mutateAsync();
      return true;
    } catch {
      return false;
    }
  }, [dirty, saveDraft, publish]);

  const reload = useCallback(async () => {
    changes.current += 1;
    setDirty(false);
    setConflict(null);
    setProblems([]);
    const fresh = await queryClient.fetchQuery({
      queryKey: assistantQueryKey(assistant.id),
      queryFn: () => api.get<AssistantDetail>(path("/v1/assistants", assistant.id)),
      staleTime: 0,
    });
    setDefinition(fresh.draft);
    setRevision(fresh.draftRevision);
  }, [assistant.id, queryClient]);

  const lastError = [save.error, publish.error].find(
    (error): error is ApiError =>
      error instanceof ApiError && error.code !== "stale_revision" && error.problems.length === 0,
  );

  const value: DraftEditor = {
    assistant,
    definition,
    revision,
    dirty,
    readOnlyReason,
    problems,
    conflict,
    update,
    saveDraft,
    saveAndPublish,
    reload,
    saving: save.isPending,
    publishing: publish.isPending,
    error: lastError ?? null,
  };
  return <DraftEditorContext.Provider value={value}>{children}</DraftEditorContext.Provider>;
}
