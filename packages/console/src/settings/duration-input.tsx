import { NumberInput, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import type { FieldProps } from "./settings-field.ts";

interface DurationInputProps extends FieldProps {
  label: string;
  description?: string;
  /** The unit the spec gives this duration in, shown beside the number. */
  unit: string;
  value: number;
  min: number;
  max: number;
  /** Whether halves are allowed (the reminder may be 30 seconds); otherwise whole numbers only. */
  allowDecimal?: boolean;
  onChange(value: number): void;
}

/**
 * A time in the unit the spec states (minutes or seconds). What the admin types stays as typed
 * while they edit, so clearing the field to type a new number does not snap back to the old one;
 * only numbers reach the working copy.
 */
export function DurationInput({ value, onChange, unit, allowDecimal = false, ...field }: DurationInputProps) {
  const [typed, setTyped] = useState<string | number>(value);
  useEffect(() => setTyped((current) => (Number(current) === value ? current : value)), [value]);
  return (
    <NumberInput
      {...field}
      value={typed}
      onChange={(next) => {
        setTyped(next);
        if (typeof next === "number" && Number.isFinite(next)) onChange(next);
      }}
      onBlur={() => {
        if (typeof typed !== "number") setTyped(value);
      }}
      allowDecimal={allowDecimal}
      decimalScale={allowDecimal ? 1 : 0}
      step={1}
      clampBehavior="blur"
      allowNegative={false}
      styles={{ wrapper: { maxWidth: 260 } }}
      rightSectionWidth={72}
      rightSection={
        <Text size="sm" c="dimmed" aria-hidden>
          {unit}
        </Text>
      }
      rightSectionPointerEvents="none"
    />
  );
}
