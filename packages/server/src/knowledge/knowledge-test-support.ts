/**
 * What the knowledge tests share: brands, knowledge bases and articles made through the API, as a
 * client would make them.
 */
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import type { TestServer } from "../../test/test-server.ts";

export type Json = Record<string, unknown>;

export interface Problem {
  in?: string;
  path: string;
  code: string;
  limit?: number | string;
}

export function problemsOf(response: LightMyRequestResponse): Problem[] {
  return response.json().error.problems ?? [];
}

export async function createBrand(server: TestServer, key: string, name: string): Promise<string> {
  const response = await server.request(key, { method: "POST", url: "/v1/brands", payload: { name } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

export function postKnowledgeBase(server: TestServer, key: string, body: Json) {
  return server.request(key, { method: "POST", url: "/v1/knowledge-bases", payload: body });
}

export async function createKnowledgeBase(server: TestServer, key: string, body: Json) {
  const response = await postKnowledgeBase(server, key, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export function getKnowledgeBase(server: TestServer, key: string, id: string) {
  return server.request(key, { method: "GET", url: `/v1/knowledge-bases/${id}` });
}

export async function revisionOf(server: TestServer, key: string, id: string): Promise<number> {
  return (await getKnowledgeBase(server, key, id)).json().revision;
}

export function articlesUrl(knowledgeBaseId: string): string {
  return `/v1/knowledge-bases/${knowledgeBaseId}/articles`;
}

export function postArticle(
  server: TestServer,
  key: string,
  knowledgeBaseId: string,
  body: Json,
): Promise<LightMyRequestResponse> {
  return server.request(key, { method: "POST", url: articlesUrl(knowledgeBaseId), payload: body });
}

export async function createArticle(server: TestServer, key: string, knowledgeBaseId: string, body: Json) {
  const response = await postArticle(server, key, knowledgeBaseId, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export function patchArticle(
  server: TestServer,
  key: string,
  knowledgeBaseId: string,
  articleId: string,
  body: Json,
): Promise<LightMyRequestResponse> {
  return server.request(key, {
    method: "PATCH",
    url: `${articlesUrl(knowledgeBaseId)}/${articleId}`,
    payload: body,
  });
}

export function importArticles(
  server: TestServer,
  key: string,
  knowledgeBaseId: string,
  articles: Json[],
): Promise<LightMyRequestResponse> {
  return server.request(key, {
    method: "POST",
    url: `${articlesUrl(knowledgeBaseId)}/import`,
    payload: { articles },
  });
}

/** A GET of the public page, without credentials, as a customer's browser makes it. */
export function getHelpPage(server: TestServer, path: string): Promise<LightMyRequestResponse> {
  return server.request(null, { method: "GET", url: path });
}

/** Every way the tests try to run script in an article, which nothing customers see may keep. */
export const hostileHtml = [
  "<p>Before</p>",
  "<script>alert('script')</script>",
  '<img src="https://example.com/a.png" onerror="alert(1)">',
  '<a href="javascript:alert(1)">javascript link</a>',
  '<a href="JaVaScRiPt&colon;alert(1)">entity link</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<p style="background:url(javascript:alert(1))" onclick="alert(1)">styled</p>',
  "<style>body{display:none}</style>",
  '<svg onload="alert(1)"><script>alert(1)</script><a xlink:href="javascript:alert(1)">svg</a></svg>',
  "<p>After</p>",
].join("");

/** What must not appear in anything derived from hostileHtml. */
export function expectHarmless(html: string): void {
  const lower = html.toLowerCase();
  expect(lower).not.toContain("<script");
  expect(lower).not.toContain("onerror");
  expect(lower).not.toContain("onload");
  expect(lower).not.toContain("onclick");
  expect(lower).not.toContain("javascript:");
  expect(lower).not.toContain("<iframe");
  expect(lower).not.toContain("<svg");
  expect(lower).not.toContain("style=");
}
