import definitions from "../data/predefined-intents.json" with { type: "json" };

/** One of the intents every organization has (spec 08), with phrases written for Parley. */
export interface PredefinedIntent {
  /** The name assistants map to a dialog, such as `cancel_order`. */
  name: string;
  title: string;
  description: string;
  example: string;
  phrases: string[];
}

export const predefinedIntents: readonly PredefinedIntent[] = definitions;

export const predefinedIntentNames: ReadonlySet<string> = new Set(definitions.map((intent) => intent.name));
