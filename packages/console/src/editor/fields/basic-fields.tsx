import {
  Checkbox,
  type ComboboxData,
  NumberInput,
  Select,
  type SelectProps,
  TagsInput,
  TextInput,
} from "@mantine/core";
import type { ReactNode } from "react";
import { strings } from "../../strings/index.ts";
import { useFieldError } from "./field-error.ts";

/**
 * The inputs every form is made of. Each carries `data-pointer` (a problem's link focuses it) and
 * shows the server's problem for its pointer; read-only text stays selectable, other inputs disable.
 */
export interface FieldProps {
  pointer: string;
  /** Layout inside a row of fields. */
  w?: number | string;
  miw?: number | string;
  flex?: number | string;
  label: ReactNode;
  readOnly: boolean;
  description?: ReactNode;
  required?: boolean;
  placeholder?: string;
}

export function TextField({
  value,
  onChange,
  pointer,
  readOnly,
  maxLength,
  ...field
}: FieldProps & { value: string | undefined; onChange(value: string): void; maxLength?: number }) {
  const error = useFieldError(pointer);
  return (
    <TextInput
      {...field}
      data-pointer={pointer}
      value={value ?? ""}
      onChange={(event) => onChange(event.currentTarget.value)}
      readOnly={readOnly}
      error={error}
      maxLength={maxLength}
    />
  );
}

export function NumberField({
  value,
  onChange,
  pointer,
  readOnly,
  min,
  max,
  ...field
}: FieldProps & {
  value: number | undefined;
  onChange(value: number | undefined): void;
  min?: number;
  max?: number;
}) {
  const error = useFieldError(pointer);
  return (
    <NumberInput
      {...field}
      data-pointer={pointer}
      value={value ?? ""}
      onChange={(next) => onChange(typeof next === "number" ? next : undefined)}
      readOnly={readOnly}
      error={error}
      min={min}
      max={max}
      allowDecimal={false}
      w={field.w ?? 200}
    />
  );
}

export function CheckboxField({
  checked,
  onChange,
  pointer,
  readOnly,
  label,
  description,
}: Omit<FieldProps, "required" | "placeholder"> & { checked: boolean; onChange(checked: boolean): void }) {
  const error = useFieldError(pointer);
  return (
    <Checkbox
      data-pointer={pointer}
      label={label}
      description={description}
      checked={checked}
      onChange={(event) => onChange(event.currentTarget.checked)}
      disabled={readOnly}
      error={error}
    />
  );
}

/** A searchable select of labelled values; a value missing from the list still shows, marked. */
export function SelectField({
  value,
  onChange,
  data,
  pointer,
  readOnly,
  clearable = false,
  error: ownError,
  ...field
}: FieldProps & {
  value: string | undefined;
  onChange(value: string | undefined): void;
  data: ComboboxData;
  clearable?: boolean;
  error?: string | undefined;
} & Pick<SelectProps, "rightSection" | "aria-label" | "nothingFoundMessage">) {
  const error = useFieldError(pointer);
  return (
    <Select
      {...field}
      data-pointer={pointer}
      data={withCurrentValue(data, value)}
      value={value ?? null}
      onChange={(next) => onChange(next ?? undefined)}
      searchable
      clearable={clearable && !readOnly}
      allowDeselect={false}
      nothingFoundMessage={field.nothingFoundMessage ?? strings.interactions.fields.nothingFound}
      disabled={readOnly}
      error={error ?? ownError}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** Free values typed one by one (Enter after each), with suggestions when the list is known. */
export function TagsField({
  value,
  onChange,
  pointer,
  readOnly,
  data,
  maxTags,
  ...field
}: FieldProps & {
  value: readonly string[] | undefined;
  onChange(value: string[]): void;
  data?: string[];
  maxTags?: number;
}) {
  const error = useFieldError(pointer);
  return (
    <TagsInput
      {...field}
      data-pointer={pointer}
      value={[...(value ?? [])]}
      onChange={onChange}
      data={data ?? []}
      maxTags={maxTags}
      readOnly={readOnly}
      disabled={readOnly}
      error={error}
      clearable={!readOnly}
      acceptValueOnBlur
    />
  );
}

/**
 * A value the list does not have (a dialog since deleted, a team of another organization) is kept
 * and shown as such instead of a blank select that hides the problem.
 */
function withCurrentValue(data: ComboboxData, value: string | undefined): ComboboxData {
  if (value === undefined || value === "") return data;
  const values = flatValues(data);
  if (values.has(value)) return data;
  return [{ value, label: strings.interactions.fields.unknownOption(value) }, ...(data as never[])];
}

function flatValues(data: ComboboxData): Set<string> {
  const values = new Set<string>();
  for (const item of data as readonly unknown[]) {
    if (typeof item === "string") values.add(item);
    else if (item && typeof item === "object" && "items" in item) {
      for (const inner of flatValues((item as { items: ComboboxData }).items)) values.add(inner);
    } else if (item && typeof item === "object" && "value" in item) {
      values.add(String((item as { value: unknown }).value));
    }
  }
  return values;
}
