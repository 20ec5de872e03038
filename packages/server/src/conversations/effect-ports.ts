import type { ConversationEvent } from "@parley/engine";
import { type KnowledgePortOptions, knowledgePorts } from "../answers/knowledge-ports.ts";
import { recentObjects } from "../data/runtime-data.ts";
import type { Database } from "../database/connection.ts";
import type { ConversationRow } from "./conversation-store.ts";
import type { EffectJobData } from "./effect-application.ts";

type Request<Type extends EffectJobData["effect"]["type"]> = Extract<EffectJobData["effect"], { type: Type }>;

/**
 * Where effects that need I/O are carried out. Workflows plug in here when they are
 * built; a port that is missing makes the effect fail, and the engine's error path
 * hands the conversation to an agent.
 */
export interface EffectPorts {
  searchArticles?: (
    request: Request<"articles.search">,
    conversation: ConversationRow,
  ) => Promise<ConversationEvent>;
  answerQuestion?: (
    request: Request<"answer.request">,
    conversation: ConversationRow,
  ) => Promise<ConversationEvent>;
  callWorkflow?: (
    request: Request<"workflow.call">,
    conversation: ConversationRow,
  ) => Promise<ConversationEvent>;
  lookUpObjects?: (
    request: Request<"objects.lookup">,
    conversation: ConversationRow,
  ) => Promise<ConversationEvent>;
}

export class PortUnavailable extends Error {
  override name = "PortUnavailable";
}

/**
 * The ports this server has today: article search and AI answers from the organization's
 * knowledge bases, and object lookups in the customer's own records.
 */
export function defaultPorts(database: Database, options: KnowledgePortOptions): EffectPorts {
  return {
    ...knowledgePorts(database, options),
    async lookUpObjects(request, conversation) {
      const objects =
        conversation.customerId === null
          ? []
          : await recentObjects(
              database,
              conversation.organizationId,
              conversation.customerId,
              request.klass,
              request.limit,
            );
      return {
        type: "objects.found",
        requestId: request.requestId,
        authenticated: conversation.customerId !== null,
        objects,
      };
    },
  };
}

/** Runs one effect through its port; the result, or the failure, is the event the conversation gets. */
export async function runEffect(
  ports: EffectPorts,
  effect: EffectJobData["effect"],
  conversation: ConversationRow,
): Promise<ConversationEvent> {
  try {
    switch (effect.type) {
      case "articles.search":
        if (!ports.searchArticles)
          throw new PortUnavailable("article search is not available on this server");
        return await ports.searchArticles(effect, conversation);
      case "answer.request":
        if (!ports.answerQuestion) throw new PortUnavailable("AI answers are not available on this server");
        return await ports.answerQuestion(effect, conversation);
      case "workflow.call":
        if (!ports.callWorkflow) throw new PortUnavailable("workflows are not available on this server");
        return await ports.callWorkflow(effect, conversation);
      case "objects.lookup":
        if (!ports.lookUpObjects)
          throw new PortUnavailable("object lookups are not available on this server");
        return await ports.lookUpObjects(effect, conversation);
      default:
        // A new effect that needs I/O stops this compiling until it has a port. A job of a type this
        // server does not know (queued by a newer version during an upgrade) fails like a missing port.
        effect satisfies never;
        throw new PortUnavailable(
          `${(effect as { type: string }).type} effects are not known to this server`,
        );
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { type: "effect.failed", requestId: effect.requestId, error: message.slice(0, 2000) };
  }
}
