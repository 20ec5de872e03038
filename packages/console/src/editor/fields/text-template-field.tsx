import { Textarea } from "@mantine/core";
import { type ReactNode, useLayoutEffect, useRef } from "react";
import { useFieldError } from "./field-error.ts";
import { insertAtCursor } from "./insert-at-cursor.ts";
import { PlaceholderPicker } from "./placeholder-picker.tsx";

/**
 * A message, prompt or other text customers read: the model's TextTemplate is one string, which may
 * hold `{{customer.name}}`-style placeholders. "Insert placeholder" puts one where the cursor was.
 */
export function TextTemplateField({
  value,
  onChange,
  pointer,
  readOnly,
  label,
  description,
  required,
  placeholder,
  minRows = 2,
}: {
  value: string | undefined;
  onChange(value: string): void;
  pointer: string;
  readOnly: boolean;
  label: ReactNode;
  description?: ReactNode;
  required?: boolean;
  placeholder?: string;
  minRows?: number;
}) {
  const error = useFieldError(pointer);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const cursorAfterInsert = useRef<number | null>(null);
  // Where the cursor was when the field lost focus to the picker; never in the field: the end.
  const lastSelection = useRef<{ start: number; end: number } | null>(null);
  const current = value ?? "";

  // Runs once the inserted text is on the page: the cursor goes after it, the field keeps focus.
  useLayoutEffect(() => {
    const cursor = cursorAfterInsert.current;
    if (cursor === null || textarea.current?.value !== current) return;
    cursorAfterInsert.current = null;
    textarea.current.focus();
    textarea.current.setSelectionRange(cursor, cursor);
  }, [current]);

  const insert = (placeholderText: string) => {
    const { start, end } = lastSelection.current ?? { start: current.length, end: current.length };
    const next = insertAtCursor(current, placeholderText, start, end);
    cursorAfterInsert.current = next.cursor;
    onChange(next.text);
  };

  return (
    <Textarea
      ref={textarea}
      data-pointer={pointer}
      label={label}
      description={description}
      required={required}
      placeholder={placeholder}
      value={current}
      onChange={(event) => onChange(event.currentTarget.value)}
      onBlur={(event) => {
        lastSelection.current = {
          start: event.currentTarget.selectionStart,
          end: event.currentTarget.selectionEnd,
        };
      }}
      readOnly={readOnly}
      error={error}
      autosize
      minRows={minRows}
      maxRows={12}
      rightSection={readOnly ? undefined : <PlaceholderPicker onPick={insert} disabled={readOnly} />}
      rightSectionPointerEvents="all"
      rightSectionProps={{ style: { alignItems: "flex-start", paddingTop: 6 } }}
    />
  );
}
