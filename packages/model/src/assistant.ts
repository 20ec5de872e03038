import { z } from "zod";
import { AssistantType, Channel, LanguageTag } from "./channels.ts";
import { Dialog } from "./dialog.ts";
import { DialogReference } from "./identifiers.ts";
import { AssistantSettings } from "./settings.ts";

/** The assistant format version this code writes. Older ones migrate when parsed; newer ones are refused. */
export const currentSchemaVersion = 1;

export const IntentMapping = z
  .object({
    /** A predefined intent in snake_case (such as `cancel_order`) or a custom intent's id. */
    intent: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, "must be an intent name such as cancel_order"),
    dialogId: DialogReference,
  })
  .meta({ id: "IntentMapping" });
export type IntentMapping = z.infer<typeof IntentMapping>;

export const Assistant = z
  .object({
    schemaVersion: z.literal(currentSchemaVersion),
    id: z.string().min(1).max(128),
    publicId: z.string().min(1).max(128),
    internalName: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
    description: z.string().max(500, "must be at most 500 characters").default(""),
    publicName: z.string().max(100, "must be at most 100 characters").default(""),
    channel: Channel,
    type: AssistantType,
    defaultLanguage: LanguageTag.default("en"),
    /** The first dialog is Welcome, where conversations start unless a rule names another. */
    dialogs: z
      .array(Dialog)
      .min(1, "needs at least the Welcome dialog")
      .max(500, "allows at most 500 dialogs"),
    intents: z.array(IntentMapping).max(200).default([]),
    settings: AssistantSettings.default(AssistantSettings.parse({})),
  })
  .meta({ id: "Assistant", title: "Parley assistant" });
export type Assistant = z.infer<typeof Assistant>;
/** What an author writes: every field with a default may be left out. */
export type AssistantInput = z.input<typeof Assistant>;
