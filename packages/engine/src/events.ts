import { z } from "zod";
import { AiAnswer, ArticleReference } from "./messages.ts";

export const timerNames = ["reminder", "abandon", "missed", "choice_timeout", "voice_reprompt"] as const;
export type TimerName = (typeof timerNames)[number];

const requestId = z.string().min(1).max(64);

export const eventTypes = [
  "customer.text",
  "customer.choice",
  "customer.attachment",
  "customer.input",
  "customer.closed",
  "workflow.completed",
  "articles.found",
  "answer.generated",
  "objects.found",
  "effect.failed",
  "timer.fired",
  "agent.assigned",
  "agent.replied",
  "agent.done",
] as const;

/** An object (a record of a custom Klass) linked to the customer, for the object selector. */
export const FoundObject = z.object({
  id: z.string().min(1).max(128),
  attributes: z.record(z.string(), z.unknown()),
});
export type FoundObject = z.infer<typeof FoundObject>;

/**
 * Everything that can happen to a conversation. The server turns webhooks,
 * sockets, jobs and timers into these; the CLI turns typed lines into them.
 * Customer text has no length limit here: the engine keeps at most
 * `maxRememberedTextLength` characters of it, the transcript keeps it all.
 */
export const ConversationEvent = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("customer.text"), text: z.string() }),
    /** A button, list row, navigation button, feedback button or card, by its option id. */
    z.object({ type: z.literal("customer.choice"), optionId: z.string().min(1).max(128) }),
    z.object({
      type: z.literal("customer.attachment"),
      attachments: z
        .array(
          z.object({
            url: z.string().max(2048),
            mediaType: z.string().max(128),
            name: z.string().max(255).optional(),
          }),
        )
        .min(1)
        .max(10),
    }),
    /** Voice: what the caller keyed or said in answer to a gather. */
    z.object({
      type: z.literal("customer.input"),
      digits: z.string().max(64).optional(),
      speech: z.string().optional(),
    }),
    z.object({ type: z.literal("customer.closed") }),
    z.object({ type: z.literal("workflow.completed"), requestId, output: z.record(z.string(), z.unknown()) }),
    z.object({ type: z.literal("articles.found"), requestId, articles: z.array(ArticleReference).max(20) }),
    z.object({ type: z.literal("answer.generated"), requestId, answer: AiAnswer }),
    z.object({
      type: z.literal("objects.found"),
      requestId,
      authenticated: z.boolean(),
      objects: z.array(FoundObject).max(20),
    }),
    /** Any effect that needed I/O and failed: the engine's error path transfers to an agent. */
    z.object({ type: z.literal("effect.failed"), requestId, error: z.string().max(2000) }),
    /** `timerId` comes from the `timer.schedule` effect; a stale id (rescheduled or cancelled timer) is ignored. */
    z.object({
      type: z.literal("timer.fired"),
      name: z.enum(timerNames),
      timerId: z.string().min(1).max(64),
    }),
    z.object({ type: z.literal("agent.assigned"), agentId: z.string().min(1).max(128) }),
    z.object({ type: z.literal("agent.replied"), agentId: z.string().min(1).max(128), text: z.string() }),
    /** An agent marked the conversation done. */
    z.object({ type: z.literal("agent.done"), agentId: z.string().max(128).optional() }),
  ],
  {
    error: (issue): string | undefined =>
      issue.code === "invalid_union"
        ? `unknown event type; expected one of: ${eventTypes.join(", ")}`
        : undefined,
  },
);
export type ConversationEvent = z.infer<typeof ConversationEvent>;
export type ConversationEventType = ConversationEvent["type"];
export type TimerFiredEvent = Extract<ConversationEvent, { type: "timer.fired" }>;

/** Checks an event from outside (a socket, a webhook, a JSON line) and names the field that is wrong. */
export function parseEvent(
  input: unknown,
): { success: true; event: ConversationEvent } | { success: false; path: string; message: string } {
  const result = ConversationEvent.safeParse(input);
  if (result.success) return { success: true, event: result.data };
  const issue = result.error.issues[0];
  const path = `/${(issue?.path ?? []).map((part) => String(part).replaceAll("~", "~0").replaceAll("/", "~1")).join("/")}`;
  return { success: false, path: path === "/" ? "" : path, message: issue?.message ?? "invalid event" };
}
