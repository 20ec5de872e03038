import type { Redirect } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { childPointer } from "../definition-pointer.ts";
import { DialogSelect } from "../fields/reference-selects.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

/** Redirect to Dialog: the "Redirects to Dialog" block of spec 11, where dialogs are linked. */
export function RedirectForm({ interaction, pointer, update, readOnly }: InteractionFormProps<Redirect>) {
  return (
    <DialogSelect
      label={strings.interactions.redirect.dialog}
      required
      pointer={childPointer(pointer, "dialogId")}
      value={interaction.dialogId}
      onChange={(value) =>
        value &&
        update((draft) => {
          draft.dialogId = value;
        })
      }
      readOnly={readOnly}
    />
  );
}
