import { Channel } from "@parley/model";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../database/connection.ts";
import { callerOf } from "../http/authentication.ts";
import { notFound } from "../http/errors.ts";
import { scopes } from "../http/scopes.ts";
import { listDefaultAssistants, setDefaultAssistant } from "./default-assistants.ts";
import { evaluateRules } from "./evaluation.ts";
import {
  DefaultAssistant,
  EvaluationRequest,
  EvaluationResult,
  maxRulesPerOrganization,
  Rule,
  RuleInput,
} from "./rule-schemas.ts";
import { createRule, deleteRule, findRule, listRules, reorderRules, updateRule } from "./rule-store.ts";

const Id = z.object({ id: z.uuid() });
const RuleList = z.object({ data: z.array(Rule) });

/** Assistant rules, the default assistant of each brand and channel, and which assistant a conversation gets. */
export const rulesRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    "/v1/rules",
    {
      config: { scope: scopes.read },
      schema: {
        tags: ["rules"],
        summary: "List rules in the order they are tried",
        querystring: z.object({ channel: Channel.optional(), assistantId: z.uuid().optional() }),
        response: { 200: RuleList },
      },
    },
    async (request) => ({ data: await listRules(database, callerOf(request).organizationId, request.query) }),
  );

  app.post(
    "/v1/rules",
    {
      config: { scope: scopes.organizationWrite },
      schema: {
        tags: ["rules"],
        summary: `Create a rule; it is tried after the others (at most ${maxRulesPerOrganization} per organization)`,
        body: RuleInput,
        response: { 201: Rule },
      },
    },
    async (request, reply) => {
      const rule = await createRule(database, callerOf(request).organizationId, request.body);
      return reply.status(201).send(rule);
    },
  );

  app.put(
    "/v1/rules/order",
    {
      config: { scope: scopes.organizationWrite },
      schema: {
        tags: ["rules"],
        summary: "Set the order rules are tried in; list every rule exactly once",
        body: z.object({ ids: z.array(z.uuid()).max(maxRulesPerOrganization) }),
        response: { 200: RuleList },
      },
    },
    async (request) => ({
      data: await reorderRules(database, callerOf(request).organizationId, request.body.ids),
    }),
  );

  app.post(
    "/v1/rules/evaluate",
    {
      config: { scope: scopes.read },
      schema: {
        tags: ["rules"],
        summary: "Which assistant and dialog a conversation would start with",
        body: EvaluationRequest,
        response: { 200: EvaluationResult },
      },
    },
    async (request) => evaluateRules(database, callerOf(request).organizationId, request.body),
  );

  app.get(
    "/v1/rules/:id",
    {
      config: { scope: scopes.read },
      schema: { tags: ["rules"], summary: "Get a rule", params: Id, response: { 200: Rule } },
    },
    async (request) => {
      const rule = await findRule(database, callerOf(request).organizationId, request.params.id);
      if (!rule) throw notFound("Rule", request.params.id);
      return rule;
    },
  );

  app.put(
    "/v1/rules/:id",
    {
      config: { scope: scopes.organizationWrite },
      schema: {
        tags: ["rules"],
        summary: "Replace a rule; it keeps its place in the order",
        params: Id,
        body: RuleInput,
        response: { 200: Rule },
      },
    },
    async (request) => {
      const { id } = request.params;
      const rule = await updateRule(database, callerOf(request).organizationId, id, request.body);
      if (!rule) throw notFound("Rule", id);
      return rule;
    },
  );

  app.delete(
    "/v1/rules/:id",
    {
      config: { scope: scopes.organizationWrite },
      schema: { tags: ["rules"], summary: "Delete a rule", params: Id },
    },
    async (request, reply) => {
      if (!(await deleteRule(database, callerOf(request).organizationId, request.params.id))) {
        throw notFound("Rule", request.params.id);
      }
      return reply.status(204).send();
    },
  );

  app.get(
    "/v1/default-assistants",
    {
      config: { scope: scopes.read },
      schema: {
        tags: ["rules"],
        summary: "The assistant each brand and channel runs when no rule matches",
        response: { 200: z.object({ data: z.array(DefaultAssistant) }) },
      },
    },
    async (request) => ({ data: await listDefaultAssistants(database, callerOf(request).organizationId) }),
  );

  app.put(
    "/v1/default-assistants/:brandId/:channel",
    {
      config: { scope: scopes.organizationWrite },
      schema: {
        tags: ["rules"],
        summary: "Set a brand's default assistant for a channel; null for none",
        params: z.object({ brandId: z.uuid(), channel: Channel }),
        body: z.object({ assistantId: z.uuid().nullable() }),
        response: { 200: DefaultAssistant.extend({ assistantId: z.string().nullable() }) },
      },
    },
    async (request) => {
      const { brandId, channel } = request.params;
      const { assistantId } = request.body;
      await setDefaultAssistant(database, callerOf(request).organizationId, brandId, channel, assistantId);
      return { brandId, channel, assistantId };
    },
  );
};
