import { z } from "zod";
import { LanguageTag } from "./channels.ts";

/** Reusable text with a value per language, used as `{{snippet.<name>}}` in messages. */
export const Snippet = z
  .object({
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, "must be a snippet name"),
    values: z.record(LanguageTag, z.string().max(4096)),
  })
  .meta({ id: "Snippet" });
export type Snippet = z.infer<typeof Snippet>;
