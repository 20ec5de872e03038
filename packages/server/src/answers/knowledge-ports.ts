import type { GroundedAnswer } from "@parley/knowledge";
import type { ConversationRow } from "../conversations/conversation-store.ts";
import type { EffectPorts } from "../conversations/effect-ports.ts";
import type { Database } from "../database/connection.ts";
import { storeAnswer } from "./answer-store.ts";
import { ArticleIndexes } from "./article-indexes.ts";
import type { OrganizationAnswerers } from "./organization-answerers.ts";

export interface KnowledgePortOptions {
  /** This server's public address, for links to its own help pages when a knowledge base has no public URL. */
  serverUrl?: string | undefined;
  /**
   * Who writes an organization's AI answers, with the guidance of the AI profile the assistant
   * names (else the organization's default): what the organization's AI settings say, through
   * the process's cache that the settings routes clear.
   */
  answerers: OrganizationAnswerers;
  /** Shows an answer's text so far to the conversation's sockets while a provider streams it. */
  publishDraft?: (conversationId: string, draft: AnswerDraft) => void;
}

export interface AnswerDraft {
  requestId: string;
  text: string;
  /** The conversation's last message when the question was asked: a socket past it has the answer already. */
  afterSequence: number;
}

/** Drafts go out at most this often: enough to read along, without a NOTIFY per token. */
const draftIntervalMilliseconds = 150;

/**
 * Collects a streamed answer and hands the text so far to `publish`, at most once an interval.
 * `finish` drops what is still waiting: the answer message is on its way and says it all.
 */
function draftStream(publish: (text: string) => void): {
  onText: (delta: string) => void;
  finish: () => void;
} {
  let text = "";
  let lastSent = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    lastSent = Date.now();
    publish(text);
  };
  return {
    onText(delta) {
      text += delta;
      if (timer) return;
      const wait = lastSent + draftIntervalMilliseconds - Date.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    finish() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

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
  options: KnowledgePortOptions,
): Required<Pick<EffectPorts, "searchArticles" | "answerQuestion">> {
  const indexes = new ArticleIndexes({ serverUrl: options.serverUrl });
  return {
    async searchArticles(request, conversation) {
      const index = await indexOf(indexes, database, conversation, request.knowledgeBaseId);
      const shown = index.relevantArticles(request.query, {
        language: request.language,
        limit: request.limit,
      });
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
      const { provider, instructions } = await options.answerers.setup(
        conversation.organizationId,
        request.aiProfileId,
      );
      const { publishDraft } = options;
      const drafts = publishDraft
        ? draftStream((text) =>
            publishDraft(conversation.id, {
              requestId: request.requestId,
              text,
              afterSequence: conversation.lastSequence,
            }),
          )
        : undefined;
      let answer: GroundedAnswer;
      try {
        answer = await provider.answer({
          question: request.question,
          language: request.language,
          search,
          ...(instructions === undefined ? {} : { instructions }),
          ...(drafts ? { onText: drafts.onText } : {}),
        });
      } finally {
        drafts?.finish();
      }
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
