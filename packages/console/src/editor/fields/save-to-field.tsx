import { Checkbox, Stack } from "@mantine/core";
import type { SaveTarget } from "@parley/model";
import type { KlassAttribute } from "../../api/organization-data.ts";
import { AttributePicker } from "./attribute-picker.tsx";

/** Where answers can be saved: the spec limits assistants to Conversation and Customer. */
export const saveTargetKlasses = ["conversation", "customer"] as const;

/**
 * An optional `saveTo`: a checkbox ("Save the customer's reply as an attribute") and, when on, the
 * Klass > Field picker. Turning it on starts at Customer > Name, the spec's own example.
 */
export function SaveToField({
  value,
  onChange,
  pointer,
  readOnly,
  label,
  accepts,
}: {
  value: SaveTarget | undefined;
  onChange(value: SaveTarget | undefined): void;
  /** The pointer of `saveTo` itself. */
  pointer: string;
  readOnly: boolean;
  label: string;
  accepts?: (attribute: KlassAttribute, klass: string) => boolean;
}) {
  return (
    <Stack gap={6}>
      <Checkbox
        label={label}
        checked={value !== undefined}
        onChange={(event) =>
          onChange(event.currentTarget.checked ? { klass: "customer", attribute: "name" } : undefined)
        }
        disabled={readOnly}
      />
      {value && (
        <AttributePicker
          klassKey="klass"
          value={value}
          onChange={(next) =>
            onChange({ klass: next.klass as SaveTarget["klass"], attribute: next.attribute })
          }
          pointer={pointer}
          readOnly={readOnly}
          klasses={saveTargetKlasses}
          accepts={accepts}
          label={label}
        />
      )}
    </Stack>
  );
}
