import { ArticleIndex } from "@parley/knowledge";
import type { Executor } from "../database/connection.ts";
import { knowledgeBaseRevision, publishedPublicArticles } from "../knowledge/published-articles.ts";

/** Knowledge bases whose index a process keeps; beyond it, the least recently used is built again when needed. */
const maximumIndexes = 50;

interface CachedIndex {
  revision: number;
  index: Promise<ArticleIndex>;
}

/**
 * The search index of each knowledge base this process has searched, keyed
 * by organization and knowledge base. Every search first reads the knowledge
 * base's revision (one small query), so an article published a moment ago in
 * another process is found by the next question: the index is rebuilt when
 * the revision moved.
 */
export class ArticleIndexes {
  private readonly cached = new Map<string, CachedIndex>();
  private readonly serverUrl: string | undefined;

  constructor(options: { serverUrl?: string | undefined } = {}) {
    this.serverUrl = options.serverUrl;
  }

  /** The index of the organization's knowledge base, or null when it has no such knowledge base. */
  async get(
    executor: Executor,
    organizationId: string,
    knowledgeBaseId: string,
  ): Promise<ArticleIndex | null> {
    const key = `${organizationId}/${knowledgeBaseId}`;
    // Read before the articles: an article saved in between makes the next search rebuild, never miss it.
    const revision = await knowledgeBaseRevision(executor, organizationId, knowledgeBaseId);
    if (revision === null) {
      this.cached.delete(key);
      return null;
    }
    const hit = this.cached.get(key);
    if (hit && hit.revision === revision) {
      this.cached.delete(key);
      this.cached.set(key, hit);
      return hit.index;
    }
    const index = publishedPublicArticles(executor, organizationId, knowledgeBaseId, {
      ...(this.serverUrl ? { serverUrl: this.serverUrl } : {}),
    }).then((articles) => new ArticleIndex(articles));
    const entry = { revision, index };
    this.cached.set(key, entry);
    index.catch(() => {
      if (this.cached.get(key) === entry) this.cached.delete(key);
    });
    if (this.cached.size > maximumIndexes) {
      const oldest = this.cached.keys().next().value;
      if (oldest !== undefined) this.cached.delete(oldest);
    }
    return index;
  }
}
