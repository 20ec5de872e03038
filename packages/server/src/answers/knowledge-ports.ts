import type { AnswerProvider } from "@parley/knowledge";
import { createExtractiveAnswerer, searchSettings } from "@parley/knowledge";
import type { ConversationRow } from "../conversations/conversation-store.ts";
import type { EffectPorts } from "../conversations/effect-ports.ts";
import type { Database } from "../database/connection.ts";
import { storeAnswer } from "./answer-store.ts";
import { ArticleIndexes } from "./article-indexes.ts";

export interface KnowledgePortOptions {
  /** This server's public address, for links to its own help pages when a knowledge base has no public URL. */
  serverUrl?: string | undefined;
  /** Who writes AI answers for an organization; the extractive answerer, offline, by default. */
  answerProvider?: (organizationId: string) => Promise<AnswerProvider>;
}

/** Articles shown by article deflection: only those the search judged relevant, the best always first. */
const articleDeflectionThreshold = searchSettings.relevanceThreshold;

async function indexOf(
  indexes: ArticleIndexes,
  database: Database,
  conversation: ConversationRow,
  id: string,
) {
  const index = await indexes.get(database, conversation.organizationId, id);
  // An assistant naming a knowledge base that is gone: the engine's error path hands over (spec 12).
  if (!index) throw new Error(`knowledge base ${id} does not exist in this organization`);
  return index;
}

/**
 * Article search and AI answers for conversations (spec 04 and 07): only the
 * published public articles of the organization's knowledge base, in the
 * customer's language, ever reach the customer.
 */
export function knowledgePorts(
  database: Database,
  options: KnowledgePortOptions = {},
): Required<Pick<EffectPorts, "searchArticles" | "answerQuestion">> {
  const indexes = new ArticleIndexes({ serverUrl: options.serverUrl });
  const extractive = createExtractiveAnswerer();
  const providerFor = options.answerProvider ?? (async () => extractive);
  return {
    async searchArticles(request, conversation) {
      const index = await indexOf(indexes, database, conversation, request.knowledgeBaseId);
      const result = index.search(request.query, { language: request.language, limit: request.limit });
      const shown = result.relevant
        ? result.hits.filter((hit) => hit.relevance >= articleDeflectionThreshold)
        : [];
      return {
        type: "articles.found",
        requestId: request.requestId,
        articles: shown.map((hit) => ({
          id: hit.articleId,
          title: hit.title,
          url: hit.url,
          snippet: hit.snippet,
        })),
      };
    },
    async answerQuestion(request, conversation) {
      const index = await indexOf(indexes, database, conversation, request.knowledgeBaseId);
      const search = index.search(request.question, { language: request.language, limit: 3 });
      const provider = await providerFor(conversation.organizationId);
      const answer = await provider.answer({
        question: request.question,
        language: request.language,
        search,
      });
      const answerId = await storeAnswer(database, {
        organizationId: conversation.organizationId,
        conversationId: conversation.id,
        requestId: request.requestId,
        knowledgeBaseId: request.knowledgeBaseId,
        question: request.question,
        language: request.language,
        answer,
      });
      return {
        type: "answer.generated",
        requestId: request.requestId,
        answer: {
          found: answer.found,
          text: answer.text.slice(0, 20_000),
          citations: answer.citations.slice(0, 20).map(({ title, url }) => ({ title, url })),
          answerId,
        },
      };
    },
  };
}
