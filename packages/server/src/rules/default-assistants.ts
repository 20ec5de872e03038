import type { Channel } from "@parley/model";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../database/connection.ts";
import { defaultAssistants } from "../database/schema/index.ts";
import { assistantProblems, invalid, requireBrand } from "./rule-checks.ts";
import type { DefaultAssistant } from "./rule-schemas.ts";

export async function listDefaultAssistants(
  executor: Executor,
  organizationId: string,
): Promise<DefaultAssistant[]> {
  return executor
    .select({
      brandId: defaultAssistants.brandId,
      channel: defaultAssistants.channel,
      assistantId: defaultAssistants.assistantId,
    })
    .from(defaultAssistants)
    .where(eq(defaultAssistants.organizationId, organizationId))
    .orderBy(asc(defaultAssistants.brandId), asc(defaultAssistants.channel));
}

export async function findDefaultAssistant(
  executor: Executor,
  organizationId: string,
  brandId: string,
  channel: Channel,
): Promise<string | null> {
  const [row] = await executor
    .select({ assistantId: defaultAssistants.assistantId })
    .from(defaultAssistants)
    .where(
      and(
        eq(defaultAssistants.organizationId, organizationId),
        eq(defaultAssistants.brandId, brandId),
        eq(defaultAssistants.channel, channel),
      ),
    )
    .limit(1);
  return row?.assistantId ?? null;
}

/**
 * Sets the assistant that runs when no rule matches, or removes it (null) so
 * that none runs (spec 06: "None"). The brand and the assistant must be the
 * organization's, and the assistant published for this channel.
 */
export async function setDefaultAssistant(
  executor: Executor,
  organizationId: string,
  brandId: string,
  channel: Channel,
  assistantId: string | null,
): Promise<void> {
  await executor.transaction(async (transaction) => {
    await requireBrand(transaction, organizationId, brandId);
    const where = and(
      eq(defaultAssistants.organizationId, organizationId),
      eq(defaultAssistants.brandId, brandId),
      eq(defaultAssistants.channel, channel),
    );
    if (assistantId === null) {
      await transaction.delete(defaultAssistants).where(where);
      return;
    }
    const { problems } = await assistantProblems(transaction, organizationId, assistantId, channel);
    if (problems.length > 0) throw invalid("invalid_default_assistant", "The default assistant", problems);
    await transaction
      .insert(defaultAssistants)
      .values({ organizationId, brandId, channel, assistantId })
      .onConflictDoUpdate({
        target: [defaultAssistants.organizationId, defaultAssistants.brandId, defaultAssistants.channel],
        set: { assistantId, updatedAt: new Date() },
      });
  });
}
