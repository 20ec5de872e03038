import { completeAssistantDialogName, featureAvailability } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { useDraftEditor } from "../draft-editor.tsx";
import { CheckboxField } from "../fields/basic-fields.tsx";
import { moveItem } from "../fields/repeated-items.tsx";

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

/** The keys an object must have, and the ones it may leave out. */
type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T] & string;
type OptionalKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T] & string;
/** The keys holding an object of fields of their own (an interaction's redirects, a transfer's routing). */
type ObjectKeys<T> = { [K in keyof T]-?: T[K] extends object ? K : never }[keyof T] & string;

/** What a field of the editor needs to show one value of the definition and change it. */
export interface FieldBinding<V> {
  pointer: string;
  value: V;
  onChange(value: V | undefined): void;
  readOnly: boolean;
}

/**
 * Binds the fields of one object of the definition (an interaction, its redirects, one button) to
 * the editor, so a form names each field once: `<TextField label={…} {...field("prompt")} />`.
 * A required key ignores a select or number field that was cleared (the schema needs a value, and
 * the field shows the last one), while an optional key is left out when emptied.
 */
export function bindFields<T extends object>(
  target: T,
  pointer: string,
  update: (recipe: (draft: T) => void) => void,
  readOnly: boolean,
) {
  return {
    field<K extends RequiredKeys<T>>(key: K): FieldBinding<T[K]> {
      return {
        pointer: childPointer(pointer, key),
        value: target[key],
        onChange: (value) => {
          if (value !== undefined)
            update((draft) => {
              draft[key] = value;
            });
        },
        readOnly,
      };
    },
    optionalField<K extends OptionalKeys<T>>(key: K): FieldBinding<T[K]> {
      return {
        pointer: childPointer(pointer, key),
        value: target[key],
        onChange: (value) => update((draft) => setOptional(draft, key, value)),
        readOnly,
      };
    },
    /** The fields of an object inside this one (the redirects of an interaction). */
    nested<K extends ObjectKeys<T>>(key: K) {
      return bindFields(
        target[key] as T[K] & object,
        childPointer(pointer, key),
        (recipe) => update((draft) => recipe(draft[key] as T[K] & object)),
        readOnly,
      );
    },
  };
}

/**
 * Binds the items of a list of the definition (buttons, options): the fields of the item at an
 * index, and its removal and move, which every list of the editor does the same way.
 */
export function bindItems<T extends object>(
  items: readonly T[],
  pointer: string,
  update: (recipe: (draft: T[]) => void) => void,
  readOnly: boolean,
) {
  return {
    item(index: number) {
      const item = items[index] as T;
      return bindFields(
        item,
        childPointer(pointer, index),
        (recipe) =>
          update((draft) => {
            const target = draft[index];
            if (target) recipe(target);
          }),
        readOnly,
      );
    },
    onRemove: (index: number) => update((draft) => void draft.splice(index, 1)),
    onMove: (from: number, to: number) => update((draft) => moveItem(draft, from, to)),
  };
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
  /** The pointer of `understandIntents` itself. */
  pointer: string;
  readOnly: boolean;
}) {
  const { definition } = useDraftEditor();
  const available = (featureAvailability.intents.types as readonly string[]).includes(definition.type);
  if (!available && !value) return null;
  return (
    <CheckboxField
      pointer={pointer}
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
