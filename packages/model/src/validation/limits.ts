import { maxListOptions } from "../interactions/list-selector.ts";
import type { Check } from "./check-context.ts";
import { childPointer } from "./json-pointer.ts";
import { errorAt } from "./problem.ts";

/** The schema allows longer lists so that this check can explain WhatsApp's limit. */
export const checkListOptions: Check = ({ sites }) =>
  sites.flatMap(({ interaction, pointer }) =>
    interaction.kind === "list_selector" && interaction.options.length > maxListOptions
      ? [
          errorAt(
            childPointer(pointer, "options"),
            "too_many_list_options",
            `A list selector allows at most ${maxListOptions} options; this one has ${interaction.options.length}.`,
          ),
        ]
      : [],
  );
