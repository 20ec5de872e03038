import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import {
  type Named,
  useAiProfiles,
  useBusinessSchedules,
  useKnowledgeBases,
  useTeams,
} from "../../api/organization-data.ts";
import { strings } from "../../strings/index.ts";
import { useDraftEditor } from "../draft-editor.tsx";
import { SelectField } from "./basic-fields.tsx";

const text = strings.interactions.fields;

/** The props every picker of a referenced record takes: the id it holds, and how to change it. */
export interface ReferenceSelectProps {
  value: string | undefined;
  onChange(value: string | undefined): void;
  pointer: string;
  readOnly: boolean;
  label?: ReactNode;
  description?: ReactNode;
  /** Optional references can be cleared; required ones cannot. */
  clearable?: boolean;
  placeholder?: string;
  required?: boolean;
  w?: number | string;
  flex?: number | string;
  miw?: number | string;
}

/** The assistant's dialogs, by name, from the working copy (a dialog added a moment ago is there). */
export function DialogSelect({
  label = text.dialog,
  placeholder = text.chooseDialog,
  ...props
}: ReferenceSelectProps) {
  const { definition } = useDraftEditor();
  const data = definition.dialogs.map((dialog) => ({ value: dialog.id, label: dialog.name || dialog.id }));
  return <SelectField {...props} label={label} placeholder={placeholder} data={data} />;
}

function NamedSelect({ query, ...props }: ReferenceSelectProps & { query: UseQueryResult<Named[]> }) {
  const data = (query.data ?? []).map((record) => ({ value: record.id, label: record.name }));
  return (
    <SelectField
      {...props}
      label={props.label}
      data={data}
      error={query.isError ? text.loadFailed : undefined}
      rightSection={query.isPending ? "…" : undefined}
    />
  );
}

export function TeamSelect({
  label = text.team,
  placeholder = text.chooseTeam,
  ...props
}: ReferenceSelectProps) {
  return <NamedSelect {...props} label={label} placeholder={placeholder} query={useTeams()} />;
}

export function ScheduleSelect({
  label = text.schedule,
  placeholder = text.chooseSchedule,
  ...props
}: ReferenceSelectProps) {
  return <NamedSelect {...props} label={label} placeholder={placeholder} query={useBusinessSchedules()} />;
}

export function KnowledgeBaseSelect({
  label = text.knowledgeBase,
  placeholder = text.chooseKnowledgeBase,
  ...props
}: ReferenceSelectProps) {
  return <NamedSelect {...props} label={label} placeholder={placeholder} query={useKnowledgeBases()} />;
}

export function AiProfileSelect({
  label = text.aiProfile,
  placeholder = text.defaultAiProfile,
  ...props
}: ReferenceSelectProps) {
  return <NamedSelect {...props} label={label} placeholder={placeholder} query={useAiProfiles()} />;
}
