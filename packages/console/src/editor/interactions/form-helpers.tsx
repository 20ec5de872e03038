import { completeAssistantDialogName, featureAvailability } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { useDraftEditor } from "../draft-editor.tsx";
import { CheckboxField } from "../fields/basic-fields.tsx";

/**
 * Sets an optional field of an immer draft, or leaves it out when empty: the schema refuses an
 * empty prompt or message, while leaving it out means "none".
 */
export function setOptional<T extends object, K extends keyof T>(
  target: T,
  key: K,
  value: T[K] | undefined,
): void {
  if (value === undefined || value === "") delete target[key];
  else target[key] = value;
}

/**
 * "Understand intents" (spec 08): only Premium and Pro assistants have intents, so Lite ones do not
 * see the option, unless it is already on (an imported file), so it can be turned off.
 */
export function UnderstandIntentsField({
  value,
  onChange,
  pointer,
  readOnly,
}: {
  value: boolean | undefined;
  onChange(value: boolean): void;
  /** The interaction's pointer. */
  pointer: string;
  readOnly: boolean;
}) {
  const { definition } = useDraftEditor();
  const available = (featureAvailability.intents.types as readonly string[]).includes(definition.type);
  if (!available && !value) return null;
  return (
    <CheckboxField
      pointer={childPointer(pointer, "understandIntents")}
      label={strings.interactions.fields.understandIntents}
      description={strings.interactions.fields.understandIntentsHelp}
      checked={value ?? false}
      onChange={onChange}
      readOnly={readOnly}
    />
  );
}

/**
 * The dialog a new button or option leads to until the admin picks one: a reference must name a
 * dialog to save, and Complete Assistant (or else Welcome) is where most flows end.
 */
export function useDefaultDialogId(): string {
  const { definition } = useDraftEditor();
  const complete = definition.dialogs.find((dialog) => dialog.name === completeAssistantDialogName);
  return complete?.id ?? definition.dialogs[0]?.id ?? "";
}
