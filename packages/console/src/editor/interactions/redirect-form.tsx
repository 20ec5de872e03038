import type { Redirect } from "@parley/model";
import { strings } from "../../strings/index.ts";
import { DialogSelect } from "../fields/reference-selects.tsx";
import { bindFields } from "./form-helpers.tsx";
import type { InteractionFormProps } from "./interaction-form.tsx";

/** Redirect to Dialog: the "Redirects to Dialog" block of spec 11, where dialogs are linked. */
export function RedirectForm({ interaction, pointer, update, readOnly }: InteractionFormProps<Redirect>) {
  const { field } = bindFields(interaction, pointer, update, readOnly);
  return <DialogSelect label={strings.interactions.redirect.dialog} required {...field("dialogId")} />;
}
