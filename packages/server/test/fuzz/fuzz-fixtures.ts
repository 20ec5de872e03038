/**
 * One of each resource in an organization, so fuzzed requests reach past "404 not found" into
 * the handlers, and the valid bodies that made them, which the fuzzer starts from.
 */
import { demoOrganization } from "../../src/conversations/test-setup.ts";
import type { TestServer } from "../test-server.ts";

const webhookUrl = "https://hooks.invalid/parley";

export interface Fixtures {
  adminKey: string;
  visitorToken: string;
  /** Path parameter values by collection (the path segment before `{id}`) or by parameter name. */
  values: Map<string, string>;
  /** Valid bodies by "METHOD /path/{param}", as the OpenAPI document writes routes. */
  bodies: Map<string, unknown>;
}

/** Filled in as resources are made; anything that cannot be made keeps a valid-looking id. */
const placeholder = "00000000-0000-4000-8000-000000000000";

export async function createFixtures(server: TestServer): Promise<Fixtures> {
  const { organization, brandId } = await demoOrganization(server);
  const key = organization.adminKey;
  const values = new Map<string, string>([
    ["brands", brandId],
    ["brandId", brandId],
    ["name", "order"],
    ["klass", "order"],
    ["attribute", "size"],
    ["channel", "chat"],
    ["version", "1"],
  ]);
  const bodies = new Map<string, unknown>();
  const call = async (method: string, url: string, payload?: unknown) => {
    const response = await server.request(key, {
      method: method as "GET",
      url,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    return response.statusCode < 300 ? (response.json() as Record<string, unknown>) : null;
  };
  const create = async (route: string, url: string, body: unknown, as: string) => {
    bodies.set(route, body);
    const made = await call(route.split(" ")[0] as string, url, body);
    values.set(as, String(made?.id ?? placeholder));
  };
  const first = async (url: string, as: string) => {
    const list = await call("GET", url);
    const data = (list?.data ?? []) as Array<{ id?: string }>;
    values.set(as, data[0]?.id ?? placeholder);
  };

  await create("POST /v1/brands", "/v1/brands", { name: "Fuzz brand" }, "fuzz-brand");
  await create("POST /v1/teams", "/v1/teams", { name: "Fuzz team" }, "teams");
  const klass = {
    name: "order",
    label: "Order",
    attributes: [
      { name: "size", type: "text" },
      { name: "tier", type: "choice", values: ["Gold", "Silver"] },
    ],
  };
  await create("POST /v1/klasses", "/v1/klasses", klass, "klass-made");
  bodies.set("PUT /v1/klasses/{name}/attributes/{attribute}", { type: "choice", values: ["a", "b"] });
  const hours = { monday: [{ start: "09:00", end: "17:00" }] };
  const schedule = { name: "Fuzz hours", timeZone: "Europe/Paris", hours };
  await create("POST /v1/business-schedules", "/v1/business-schedules", schedule, "business-schedules");
  const snippet = { name: "fuzz.snippet", values: { en: "Hello", fr: "Bonjour" } };
  await create("POST /v1/snippets", "/v1/snippets", snippet, "snippets");
  const company = { externalId: "comp-1", name: "Acme", domain: "acme.example", attributes: {} };
  await create("POST /v1/companies", "/v1/companies", company, "companies");
  const customer = {
    externalId: "cust-1",
    name: "Ada",
    email: "ada@example.com",
    phone: "+14155550100",
    defaultLanguage: "en",
    companyId: values.get("companies"),
    attributes: {},
  };
  await create("POST /v1/customers", "/v1/customers", customer, "customers");
  const object = {
    customerId: values.get("customers"),
    externalId: "obj-1",
    attributes: { size: "L", tier: "Gold" },
  };
  await create("POST /v1/objects/{klass}", "/v1/objects/order", object, "{klass}");
  await first("/v1/assistants?status=active", "assistants");
  if (values.get("assistants") === placeholder) await first("/v1/assistants", "assistants");
  const assistant = await call("GET", `/v1/assistants/${values.get("assistants")}`);
  if (assistant?.draft) {
    bodies.set("PUT /v1/assistants/{id}/draft", assistant.draft);
    bodies.set("PUT /v1/assistants/{id}", { ...assistant, id: undefined });
  }
  await create(
    "POST /v1/assistants",
    "/v1/assistants",
    { internalName: "Fuzz assistant", channel: "chat", type: "premium", template: "tutorial" },
    "fuzz-assistant",
  );
  const rule = { name: "Fuzz rule", channel: "chat", brandId, assistantId: values.get("assistants") };
  await create("POST /v1/rules", "/v1/rules", rule, "rules");
  const webhook = { url: webhookUrl, events: ["conversation.started"], description: "fuzz" };
  await create("POST /v1/webhooks", "/v1/webhooks", webhook, "webhooks");
  const phrases = ["where is my order", "track my parcel", "order status", "my package", "delivery time"];
  await create("POST /v1/intents", "/v1/intents", { name: "fuzz_intent", title: "Fuzz", phrases }, "intents");
  const knowledgeBase = { brandId, name: "Fuzz help", defaultLanguage: "en" };
  await create("POST /v1/knowledge-bases", "/v1/knowledge-bases", knowledgeBase, "knowledge-bases");
  values.set("knowledgeBaseId", values.get("knowledge-bases") as string);
  const article = {
    title: "Shipping times",
    body: "We ship in **two** days.",
    bodyFormat: "markdown",
    status: "published",
  };
  await create(
    "POST /v1/knowledge-bases/{knowledgeBaseId}/articles",
    `/v1/knowledge-bases/${values.get("knowledgeBaseId")}/articles`,
    article,
    "articleId",
  );
  bodies.set("POST /v1/knowledge-bases/{knowledgeBaseId}/articles/import", { articles: [article] });
  await create(
    "POST /v1/ai/profiles",
    "/v1/ai/profiles",
    { name: "Fuzz", instructions: "Be brief." },
    "profiles",
  );
  bodies.set("PUT /v1/ai/settings", { provider: "extractive" });
  const user = {
    email: "fuzz-agent@example.com",
    name: "Fuzz",
    role: "agent",
    password: "correct horse battery",
  };
  await create("POST /v1/users", "/v1/users", user, "users");
  await create("POST /v1/api-keys", "/v1/api-keys", { name: "spare", scopes: ["org.read"] }, "api-keys");
  bodies.set("POST /v1/session", { email: user.email, password: user.password });

  const start = { brandId, session: { page: "/fuzz", name: "Ada" } };
  bodies.set("POST /v1/web-chat/conversations", start);
  bodies.set("POST /v1/web-chat/proactive", start);
  const started = await server.request(null, {
    method: "POST",
    url: "/v1/web-chat/conversations",
    payload: start,
  });
  const conversation = started.statusCode === 201 ? started.json() : null;
  values.set("conversations", conversation?.conversation?.id ?? placeholder);
  bodies.set("POST /v1/web-chat/conversations/{id}/messages", {
    clientMessageId: "fuzz-1",
    text: "agent please",
  });
  bodies.set("POST /v1/web-chat/conversations/{id}/rating", { scale: 5, value: 4, comment: "fine" });
  bodies.set("POST /v1/conversations/{id}/replies", { text: "Hello from an agent" });
  bodies.set("POST /v1/assistants/{id}/preview", { session: { page: "/fuzz" } });
  await firstDelivery(server, key, values);
  return { adminKey: key, visitorToken: conversation?.visitorToken ?? "", values, bodies };
}

async function firstDelivery(server: TestServer, key: string, values: Map<string, string>): Promise<void> {
  const response = await server.request(key, {
    method: "GET",
    url: `/v1/webhooks/${values.get("webhooks")}/deliveries`,
  });
  const data = response.statusCode === 200 ? (response.json().data as Array<{ id: string }>) : [];
  values.set("webhook-deliveries", data[0]?.id ?? placeholder);
}

/** The value for `{name}` in `path`: by the collection it follows, else by its own name. */
export function pathValue(fixtures: Fixtures, segments: string[], index: number): string {
  const name = (segments[index] as string).slice(1, -1);
  const collection = segments[index - 1] ?? "";
  if (name === "id") return fixtures.values.get(collection) ?? placeholder;
  if (name === "externalId") {
    return { customers: "cust-1", companies: "comp-1" }[segments[index - 2] ?? ""] ?? "obj-1";
  }
  if (name === "fileId") return "no-such-file";
  return fixtures.values.get(name) ?? placeholder;
}
