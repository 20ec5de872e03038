import type { ConversationEvent, Effect } from "@parley/engine";
import type { ConversationContext } from "./context-file.ts";
import type { ContextKnowledgeBase } from "./knowledge-base.ts";

/**
 * Answers an effect that needs I/O in the server with the event the server
 * would send back, taken from the context (articles and answers through its
 * knowledge base). Returns null for effects that need no answer (messages,
 * attributes, timers, transfers).
 */
export async function resultOf(
  effect: Effect,
  context: ConversationContext,
  knowledgeBase: ContextKnowledgeBase,
): Promise<ConversationEvent | null> {
  switch (effect.type) {
    case "workflow.call": {
      const workflow = context.workflows[effect.workflowId];
      if (!workflow) {
        return {
          type: "effect.failed",
          requestId: effect.requestId,
          error: `workflow ${effect.workflowId} is not in the context file`,
        };
      }
      if ("error" in workflow)
        return { type: "effect.failed", requestId: effect.requestId, error: workflow.error };
      return { type: "workflow.completed", requestId: effect.requestId, output: workflow.output };
    }
    case "articles.search":
      return {
        type: "articles.found",
        requestId: effect.requestId,
        articles: knowledgeBase.searchArticles(effect.query, effect.language, effect.limit),
      };
    case "answer.request":
      return {
        type: "answer.generated",
        requestId: effect.requestId,
        answer: await knowledgeBase.answer(effect.question, effect.language),
      };
    case "objects.lookup": {
      const objects = context.objects ?? {};
      // Without an explicit flag the session says whether the customer signed in, as in the server.
      const authenticated = objects.authenticated ?? context.attributes.session?.authenticated === true;
      const found = objects[effect.klass];
      return {
        type: "objects.found",
        requestId: effect.requestId,
        authenticated,
        objects: Array.isArray(found) ? found.slice(0, effect.limit) : [],
      };
    }
    case "message.send":
    case "attribute.set":
    case "timer.schedule":
    case "timer.cancel":
    case "status.set":
    case "conversation.transfer":
    case "conversation.end":
    case "voicemail.record":
    case "feedback.record":
    case "follow_up.record":
    case "intent.detected":
      return null;
    default:
      // A new effect type stops this compiling until it is sorted here: one that asks for a result
      // and gets none would leave the assistant waiting for ever.
      effect satisfies never;
      return null;
  }
}
