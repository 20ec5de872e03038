import { randomUUID } from "node:crypto";
import type { Channel } from "@parley/model";
import { and, asc, count, eq, gt, max, sql } from "drizzle-orm";
import { lockSubject } from "../data/locks.ts";
import type { Executor, Transaction } from "../database/connection.ts";
import { rules } from "../database/schema/index.ts";
import { ApiError, limitReached } from "../http/errors.ts";
import { checkRule } from "./rule-checks.ts";
import { maxRulesPerOrganization, type Rule, type RuleInput } from "./rule-schemas.ts";

export function toRule(row: typeof rules.$inferSelect): Rule {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    channel: row.channel,
    brandId: row.brandId,
    assistantId: row.assistantId,
    startDialogId: row.startDialogId,
    proactive: row.proactive,
    audience: row.audience,
    phoneNumber: row.phoneNumber,
    whatsappId: row.whatsappId,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Runs a change to an organization's rules in one transaction, after every
 * other change to them: positions are counted and rewritten, and the limit is
 * counted, so two writers at once must not both see the same rules.
 */
function changeRules<T>(
  executor: Executor,
  organizationId: string,
  work: (transaction: Transaction) => Promise<T>,
): Promise<T> {
  return executor.transaction(async (transaction) => {
    await lockSubject(transaction, organizationId, "rules");
    return work(transaction);
  });
}

function columns(input: RuleInput) {
  return {
    name: input.name,
    channel: input.channel,
    brandId: input.brandId,
    assistantId: input.assistantId,
    startDialogId: input.startDialogId,
    proactive: input.proactive,
    audience: input.audience,
    phoneNumber: input.phoneNumber,
    whatsappId: input.whatsappId,
    enabled: input.enabled,
  };
}

export async function listRules(
  executor: Executor,
  organizationId: string,
  filter: { channel?: Channel | undefined; assistantId?: string | undefined } = {},
): Promise<Rule[]> {
  const rows = await executor
    .select()
    .from(rules)
    .where(
      and(
        eq(rules.organizationId, organizationId),
        filter.channel ? eq(rules.channel, filter.channel) : undefined,
        filter.assistantId ? eq(rules.assistantId, filter.assistantId) : undefined,
      ),
    )
    .orderBy(asc(rules.position));
  return rows.map(toRule);
}

export async function findRule(executor: Executor, organizationId: string, id: string): Promise<Rule | null> {
  const [row] = await executor
    .select()
    .from(rules)
    .where(and(eq(rules.id, id), eq(rules.organizationId, organizationId)))
    .limit(1);
  return row ? toRule(row) : null;
}

/**
 * How many rules the organization has, and the last position. They differ when
 * deleting an assistant or a brand took its rules with it (a cascade in the
 * database, which leaves gaps in the order).
 */
async function countRules(
  executor: Executor,
  organizationId: string,
): Promise<{ total: number; lastPosition: number }> {
  const [row] = await executor
    .select({ total: count(), lastPosition: max(rules.position) })
    .from(rules)
    .where(eq(rules.organizationId, organizationId));
  return { total: row?.total ?? 0, lastPosition: row?.lastPosition ?? 0 };
}

/** Adds a rule after the others (so it is tried last). */
export async function createRule(
  executor: Executor,
  organizationId: string,
  input: RuleInput,
): Promise<Rule> {
  return changeRules(executor, organizationId, async (transaction) => {
    const { total, lastPosition } = await countRules(transaction, organizationId);
    if (total >= maxRulesPerOrganization) throw limitReached("rules", maxRulesPerOrganization);
    await checkRule(transaction, organizationId, input);
    const [row] = await transaction
      .insert(rules)
      .values({ id: randomUUID(), organizationId, position: lastPosition + 1, ...columns(input) })
      .returning();
    if (!row) throw new Error("the rule was not stored");
    return toRule(row);
  });
}

/** Replaces a rule's fields, keeping its place in the order. Null when the organization has no such rule. */
export async function updateRule(
  executor: Executor,
  organizationId: string,
  id: string,
  input: RuleInput,
): Promise<Rule | null> {
  return changeRules(executor, organizationId, async (transaction) => {
    if (!(await findRule(transaction, organizationId, id))) return null;
    await checkRule(transaction, organizationId, input);
    const [row] = await transaction
      .update(rules)
      .set({ ...columns(input), updatedAt: new Date() })
      .where(and(eq(rules.id, id), eq(rules.organizationId, organizationId)))
      .returning();
    return row ? toRule(row) : null;
  });
}

/** Deletes a rule and closes the gap it leaves in the order. False when there is no such rule. */
export async function deleteRule(executor: Executor, organizationId: string, id: string): Promise<boolean> {
  return changeRules(executor, organizationId, async (transaction) => {
    const [deleted] = await transaction
      .delete(rules)
      .where(and(eq(rules.id, id), eq(rules.organizationId, organizationId)))
      .returning({ position: rules.position });
    if (!deleted) return false;
    await transaction
      .update(rules)
      .set({ position: sql`${rules.position} - 1` })
      .where(and(eq(rules.organizationId, organizationId), gt(rules.position, deleted.position)));
    return true;
  });
}

/**
 * Puts the rules in the given order. The list must name every rule of the
 * organization exactly once, so a stale list (from before someone added or
 * deleted a rule) is refused rather than half applied.
 */
export async function reorderRules(
  executor: Executor,
  organizationId: string,
  ids: string[],
): Promise<Rule[]> {
  return changeRules(executor, organizationId, async (transaction) => {
    const existing = await listRules(transaction, organizationId);
    const known = new Set(existing.map((rule) => rule.id));
    const seen = new Set<string>();
    const problems: Array<{ in: "body"; path: string; code: string; message: string }> = [];
    ids.forEach((id, index) => {
      if (!known.has(id)) {
        problems.push({
          in: "body",
          path: `/ids/${index}`,
          code: "unknown_rule",
          message: `${id} is not a rule of this organization.`,
        });
      } else if (seen.has(id)) {
        problems.push({
          in: "body",
          path: `/ids/${index}`,
          code: "duplicate_rule",
          message: `${id} is listed twice.`,
        });
      }
      seen.add(id);
    });
    for (const rule of existing) {
      if (!seen.has(rule.id)) {
        problems.push({
          in: "body",
          path: "/ids",
          code: "missing_rule",
          message: `The rule ${rule.id} ("${rule.name}") is missing; list every rule exactly once.`,
        });
      }
    }
    if (problems.length > 0) {
      throw new ApiError(400, "invalid_request", "The order must list every rule exactly once.", {
        problems,
      });
    }
    for (const [index, id] of ids.entries()) {
      const position = index + 1;
      if (existing.find((rule) => rule.id === id)?.position === position) continue;
      await transaction
        .update(rules)
        .set({ position })
        .where(and(eq(rules.id, id), eq(rules.organizationId, organizationId)));
    }
    return listRules(transaction, organizationId);
  });
}
