import type { Effect, TimerName } from "@parley/engine";
import { and, eq } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import { recordAnswerFeedback } from "../answers/answer-store.ts";
import { updateCustomer } from "../data/customers.ts";
import { isUuid } from "../data/identifiers.ts";
import type { Executor } from "../database/connection.ts";
import { teams } from "../database/schema/index.ts";
import { inTransaction, queueNames } from "../jobs/job-queue.ts";
import { type TimerRequests, writeTimers } from "./pending-timers.ts";
import { summaryOf, type TurnWriter } from "./turn-writer.ts";

/** What a conversation-effect job carries: an effect that needs I/O, whose result comes back as an event. */
export interface EffectJobData {
  organizationId: string;
  conversationId: string;
  effect: Extract<Effect, { requestId: string }>;
}

const standardCustomerFields = new Set(["name", "email", "phone"]);

/**
 * Carries out the engine's effects within the turn's transaction. Nothing here
 * reaches outside the database: I/O happens in jobs that this turn creates and
 * whose results arrive as later events.
 */
export async function applyEffects(
  executor: Executor,
  jobs: PgBoss,
  writer: TurnWriter,
  effects: readonly Effect[],
): Promise<void> {
  const { row } = writer;
  const timers: TimerRequests = new Map();
  for (const effect of effects) {
    switch (effect.type) {
      case "message.send":
        writer.addMessage("assistant", effect.message);
        break;
      case "attribute.set":
        if (effect.klass === "conversation") row.attributes[effect.attribute] = effect.value;
        else await setCustomerAttribute(executor, writer, effect.attribute, effect.value);
        break;
      case "workflow.call":
      case "articles.search":
      case "answer.request":
      case "objects.lookup": {
        const data: EffectJobData = { organizationId: row.organizationId, conversationId: row.id, effect };
        await jobs.send(queueNames.conversationEffect, data, inTransaction(executor));
        writer.assistantWorking = true;
        break;
      }
      case "timer.schedule":
        timers.set(effect.name, { timerId: effect.timerId, at: effect.at });
        break;
      case "timer.cancel":
        timers.set(effect.name, null);
        break;
      case "status.set": {
        const previous = row.assistantStatus;
        if (previous === effect.status) break;
        row.assistantStatus = effect.status;
        writer.addActivity("assistant_status", { status: effect.status, previous, reason: effect.reason });
        writer.emit({
          type: "conversation.status_changed",
          conversationId: row.id,
          data: { assistantStatus: effect.status, previousAssistantStatus: previous, reason: effect.reason },
        });
        writer.markConversationChanged();
        break;
      }
      case "conversation.transfer":
        await transfer(executor, writer, effect);
        break;
      case "conversation.end":
        endConversation(writer, effect.reason);
        break;
      case "voicemail.record":
        writer.addActivity("voicemail", { maxSeconds: effect.maxSeconds });
        break;
      case "feedback.record":
        writer.addActivity("feedback", {
          interactionId: effect.interactionId,
          outcome: effect.outcome,
          ...(effect.answerId ? { answerId: effect.answerId } : {}),
        });
        // Helpful / not helpful on an AI answer is kept with the answer too (spec 07).
        if (effect.answerId && isUuid(effect.answerId)) {
          await recordAnswerFeedback(executor, row.id, effect.answerId, effect.outcome, writer.now);
        }
        break;
      case "follow_up.record":
        writer.addActivity("follow_up", { channel: effect.channel, contact: effect.contact ?? null });
        break;
      case "intent.detected":
        writer.addActivity("intent", {
          intent: effect.intent,
          score: effect.score,
          reason: effect.reason,
          dialogId: effect.dialogId ?? null,
        });
        break;
      default:
        // Every effect type has a case above: a new one stops this compiling until it is handled here.
        effect satisfies never;
    }
  }
  await writeTimers(executor, jobs, writer, timers);
}

export function endConversation(writer: TurnWriter, reason: string, agentId?: string): void {
  const { row } = writer;
  if (row.status === "ended") return;
  row.status = "ended";
  row.endedAt = writer.now;
  writer.addActivity("ended", { reason, ...(agentId ? { agentId } : {}) });
  writer.emit({
    type: "conversation.ended",
    conversationId: row.id,
    data: { ...summaryOf(row), reason },
  });
  writer.markConversationChanged();
}

async function transfer(
  executor: Executor,
  writer: TurnWriter,
  effect: Extract<Effect, { type: "conversation.transfer" }>,
): Promise<void> {
  const { row } = writer;
  // A team deleted since the assistant was published leaves the conversation in the general queue.
  const teamId = effect.teamId ? await resolveTeam(executor, row.organizationId, effect.teamId) : null;
  row.status = "transferred";
  row.teamId = teamId;
  row.routing = effect.routing;
  row.transferredAt = writer.now;
  writer.addActivity("transferred", {
    teamId,
    requestedTeamId: effect.teamId ?? null,
    routing: effect.routing,
    reason: effect.reason,
    collected: effect.collected,
  });
  writer.addMessage("system", { kind: "event", event: "transferred", text: "Transferred to an agent" });
  writer.transferred(effect.reason, effect.collected);
}

/**
 * The fallback when a turn fails outside the engine: the conversation goes to the
 * general queue with the error on record, and the assistant stops (spec 12).
 */
export async function handOverAfterError(
  executor: Executor,
  jobs: PgBoss,
  writer: TurnWriter,
  error: unknown,
): Promise<void> {
  const { row } = writer;
  const message = error instanceof Error ? error.message : String(error);
  const timers: TimerRequests = new Map();
  for (const name of Object.keys(row.timerJobs) as TimerName[]) timers.set(name, null);
  await writeTimers(executor, jobs, writer, timers);
  if (row.state) row.state = { ...row.state, status: "transferred", waiting: null, timers: {} };
  const previous = row.assistantStatus;
  row.assistantStatus = "transferred";
  writer.addActivity("runtime_error", { error: message.slice(0, 2000) });
  if (previous !== "transferred") {
    writer.emit({
      type: "conversation.status_changed",
      conversationId: row.id,
      data: { assistantStatus: "transferred", previousAssistantStatus: previous, reason: "runtime error" },
    });
  }
  if (row.status === "open") {
    row.status = "transferred";
    row.transferredAt = writer.now;
    writer.addMessage("system", { kind: "event", event: "transferred", text: "Transferred to an agent" });
    writer.transferred("runtime error", { ...row.attributes });
  }
}

/** A team by id, or by name: the Assigned Teams attribute a customer picks holds team names. */
async function resolveTeam(executor: Executor, organizationId: string, team: string): Promise<string | null> {
  const [found] = await executor
    .select({ id: teams.id })
    .from(teams)
    .where(
      and(eq(teams.organizationId, organizationId), isUuid(team) ? eq(teams.id, team) : eq(teams.name, team)),
    );
  return found?.id ?? null;
}

/**
 * A linked customer's record takes what the assistant learned, so agents and later
 * conversations see it; a value the record refuses (an attribute the Klass lacks)
 * stays with the conversation instead of failing the turn.
 */
async function setCustomerAttribute(
  executor: Executor,
  writer: TurnWriter,
  attribute: string,
  value: unknown,
): Promise<void> {
  const { row } = writer;
  row.customerAttributes = { ...row.customerAttributes, [attribute]: value };
  if (row.customerId === null) return;
  const changes = standardCustomerFields.has(attribute)
    ? { [attribute]: value === null || value === undefined ? null : String(value) }
    : { attributes: { [attribute]: value } };
  try {
    // A savepoint, so a refused value does not abort the turn's transaction on PostgreSQL.
    await executor.transaction((savepoint) =>
      updateCustomer(savepoint, row.organizationId, row.customerId as string, changes),
    );
  } catch {
    writer.addActivity("customer_attribute_kept_on_conversation", { attribute });
  }
}
