import * as access from "./access.ts";
import * as ai from "./ai-settings.ts";
import * as answers from "./answers.ts";
import * as assistants from "./assistants.ts";
import * as conversations from "./conversations.ts";
import * as data from "./data.ts";
import * as intents from "./intents.ts";
import * as knowledge from "./knowledge.ts";
import * as rules from "./rules.ts";
import * as webhooks from "./webhooks.ts";

/** Every table, for Drizzle's typed queries. Each area keeps its tables in its own file. */
export const schema = {
  ...access,
  ...ai,
  ...answers,
  ...assistants,
  ...conversations,
  ...data,
  ...intents,
  ...knowledge,
  ...rules,
  ...webhooks,
};
export type Schema = typeof schema;
export * from "./access.ts";
export * from "./ai-settings.ts";
export * from "./answers.ts";
export * from "./assistants.ts";
export * from "./channels.ts";
export * from "./conversations.ts";
export * from "./data.ts";
export * from "./intents.ts";
export * from "./knowledge.ts";
export * from "./rules.ts";
export * from "./webhooks.ts";
