import { type InteractionModule, redirect as redirectTo } from "../outcome.ts";

export const redirect: InteractionModule<"redirect"> = {
  kind: "redirect",
  enter(_turn, interaction) {
    return redirectTo(interaction.dialogId);
  },
};
