import {
  advance,
  type ConversationEvent,
  type EngineEnvironment,
  parseState,
  start as startEngine,
  type TimerName,
  type TurnResult,
} from "@parley/engine";
import type { Assistant, Channel } from "@parley/model";
import { and, eq } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import type { Database, Executor } from "../database/connection.ts";
import { conversationInbound, conversations } from "../database/schema/index.ts";
import { notFound } from "../http/errors.ts";
import type { EvaluationRequest } from "../rules/rule-schemas.ts";
import { definitionOf } from "./assistant-definitions.ts";
import {
  claimProviderMessage,
  isOpenConversationRace,
  lockOpenConversation,
  recordProviderConversation,
} from "./contact-conversations.ts";
import { ConversationEnded } from "./conversation-errors.ts";
import { chooseAssistant, insertConversation } from "./conversation-start.ts";
import { type ConversationRow, findConversation, lockConversation } from "./conversation-store.ts";
import { applyEffects, endConversation, handOverAfterError } from "./effect-application.ts";
import type { FeedNotice } from "./feed-notice.ts";
import { recordInbound } from "./inbound-records.ts";
import { rearmTimer } from "./pending-timers.ts";
import { environmentFor } from "./turn-environment.ts";
import { type DomainEventSink, summaryOf, TurnWriter } from "./turn-writer.ts";

/** An event for a conversation, with the key that makes it idempotent (a client message id, a timer id…). */
export interface InboundEvent {
  key: string;
  event: ConversationEvent;
  /** The pg-boss job that delivered a timer, so the conversation forgets it once it has fired. */
  timerJobId?: string;
}

export interface TurnOutcome {
  /** True when this key was processed before: nothing was stored or sent again. */
  duplicate: boolean;
  /** The sequence number of the message this event added to the transcript, if any. */
  sequence: number | null;
  conversation: ConversationRow;
}

export interface StartInput {
  organizationId: string;
  brandId: string | null;
  channel: Channel;
  session: Record<string, unknown>;
  /** Web chat: the hash of the token that lets the visitor's browser read and write this conversation. */
  visitorTokenHash?: string | null;
  /** Messaging channels: the connection the customer wrote to, and the customer's address on it. */
  contact?: { connectionId: string; address: string } | null;
  /** What rules may test besides the session: the number written to, the first message. */
  ruleFacts?: Pick<EvaluationRequest, "phoneNumber" | "whatsappId" | "message">;
  customerId: string | null;
  /** Only proactive rules answer, and no conversation starts when none fits. */
  proactive?: boolean;
  /** Runs this draft instead of what the rules choose; the conversation is marked as a preview. */
  preview?: { assistantId: string; definition: Assistant; startDialogId?: string | undefined };
}

/** A customer's message on a messaging channel (channels/messaging/inbound-messages.ts). */
export interface ContactMessage {
  /** How to start the conversation if the customer has none open on this number. */
  start: StartInput & { contact: { connectionId: string; address: string } };
  /** The provider's id for the message, unique per connection. */
  providerMessageId: string;
  inbound: InboundEvent;
}

export interface StartedConversation {
  conversation: ConversationRow;
}

/** Who may touch a conversation, decided on its locked row (web chat checks the visitor's token there). */
export type ConversationGuard = (row: ConversationRow) => boolean;

export interface RunnerDependencies {
  database: Database;
  jobs: PgBoss;
  now: () => number;
  publish: DomainEventSink;
  /**
   * Wakes the sockets of every process after a turn has committed, without waiting: the
   * customer's acknowledgement must not depend on how busy the notify path is. NOTIFY inside
   * the transaction would hold PostgreSQL's notify lock until the commit is flushed, which
   * serializes every turn's commit. A notice lost to a crash in between is made good by the
   * conversation's next one, or a reconnect.
   */
  notify: (notice: FeedNotice) => void;
  /** Told of runtime errors a turn recovered from by handing over to an agent. */
  onError?: (error: unknown, conversationId: string) => void;
}

/** A failure in the assistant's part of a turn, which hands the conversation over. */
class AssistantFailure extends Error {
  constructor(cause: unknown) {
    super("the assistant's part of the turn failed", { cause });
  }
}

const agentEvents = new Set<ConversationEvent["type"]>(["agent.replied", "agent.assigned"]);

const customerEvents = new Set<ConversationEvent["type"]>([
  "customer.text",
  "customer.choice",
  "customer.attachment",
  "customer.input",
]);

/**
 * Runs turns as DESIGN.md describes: one transaction per event with the conversation
 * row locked, the event's key recorded so a retry does nothing twice, and the new
 * state, messages, timers, jobs and webhook events written together. Delivery to
 * sockets happens after commit through NOTIFY.
 */
export class ConversationRunner {
  private readonly dependencies: RunnerDependencies;

  constructor(dependencies: RunnerDependencies) {
    this.dependencies = dependencies;
  }

  now(): number {
    return this.dependencies.now();
  }

  /** Starts a conversation on any channel; null when it was proactive and no proactive rule fits. */
  async start(input: StartInput): Promise<StartedConversation | null> {
    const outcome = await this.dependencies.database.transaction(async (transaction) => {
      const started = await this.startWithin(transaction, input);
      return started && { result: { conversation: started.writer.row }, notice: started.notice };
    });
    if (outcome === null) return null;
    this.announce(outcome.notice);
    return outcome.result;
  }

  /**
   * A customer's message on a messaging channel, where the customer never "opens" a
   * conversation: it continues their open conversation on that number, or starts one with the
   * message as its first line. The provider's message id makes it idempotent, even for the
   * first message of a conversation; two first messages racing meet on the one-open-conversation
   * index and the loser runs again as a continuation.
   */
  async receive(input: ContactMessage): Promise<TurnOutcome> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.receiveOnce(input);
      } catch (error) {
        if (attempt >= 3 || !isOpenConversationRace(error)) throw error;
      }
    }
  }

  private async receiveOnce(input: ContactMessage): Promise<TurnOutcome> {
    const { database } = this.dependencies;
    const { connectionId, address } = input.start.contact;
    const outcome = await this.handingOverOnFailure(connectionId, (failure) =>
      database.transaction(async (transaction) => {
        const claimed = await claimProviderMessage(transaction, connectionId, input.providerMessageId);
        if (!claimed.fresh) {
          // The claim and its conversation commit together, and go together when it is deleted.
          const row = await findConversation(transaction, claimed.conversationId ?? "");
          if (!row) throw new Error(`provider message ${input.providerMessageId} has no conversation`);
          return {
            turn: { duplicate: true, sequence: null, conversation: row },
            notices: [] as FeedNotice[],
          };
        }
        const open = await lockOpenConversation(transaction, connectionId, address);
        const notices: FeedNotice[] = [];
        let row = open;
        if (!row) {
          const started = await this.startWithin(transaction, input.start, {
            inbound: input.inbound,
            failure,
          });
          if (!started) throw new Error("a conversation a customer writes always starts");
          if (started.notice) notices.push(started.notice);
          row = started.writer.row;
        }
        await recordProviderConversation(transaction, connectionId, input.providerMessageId, row.id);
        // A new conversation took the message as its first line.
        if (!open) return { turn: { duplicate: false, sequence: 1, conversation: row }, notices };
        const taken = await this.takeTurn(transaction, row, input.inbound, failure);
        if (taken.notice) notices.push(taken.notice);
        return { turn: taken.turn, notices };
      }),
    );
    for (const notice of outcome.notices) this.announce(notice);
    return outcome.turn;
  }

  /**
   * Creates the conversation and runs the assistant's start in the caller's transaction. A
   * messaging customer's first message goes into the transcript before the assistant's welcome:
   * it is what opened the conversation, not an answer to a question not yet asked.
   */
  private async startWithin(
    transaction: Executor,
    input: StartInput,
    first?: { inbound: InboundEvent; failure: AssistantFailure | undefined },
  ): Promise<{ writer: TurnWriter; notice: FeedNotice | null } | null> {
    const { jobs, publish } = this.dependencies;
    const choice = await chooseAssistant(transaction, input);
    if (choice === null) return null;
    const now = this.now();
    const row = await insertConversation(transaction, input, choice, now);
    const writer = new TurnWriter(row, new Date(now));
    writer.emit({ type: "conversation.started", conversationId: row.id, data: summaryOf(row) });
    if (first) {
      const sequence = await recordInbound(transaction, writer, first.inbound);
      await transaction
        .insert(conversationInbound)
        .values({ conversationId: row.id, key: first.inbound.key, sequence });
    }
    if (choice.definition && first?.failure) {
      await handOverAfterError(transaction, jobs, writer, first.failure.cause);
    } else if (choice.definition) {
      const definition = choice.definition;
      const run = async () => {
        const environment = await environmentFor(transaction, row, now);
        const result = startEngine(
          definition,
          { startDialogId: choice.startDialogId, language: row.session.language as string | undefined },
          environment,
        );
        await this.applyResult(transaction, writer, result);
        writer.row.language = result.state.language;
      };
      // Web chat has always let a failing start fail the request; a customer's message must not be lost.
      if (first) await run().catch((error: unknown) => Promise.reject(new AssistantFailure(error)));
      else await run();
    } else {
      // No assistant runs for this brand and channel: the customer waits for an agent.
      writer.row.status = "transferred";
      writer.row.transferredAt = writer.now;
      writer.addActivity("transferred", { reason: "no assistant runs for this brand and channel" });
      writer.transferred("no assistant runs for this brand and channel", {});
    }
    const notice = await writer.flush(transaction, jobs, publish);
    return { writer, notice };
  }

  private announce(notice: FeedNotice | null): void {
    if (notice !== null) this.dependencies.notify(notice);
  }

  /**
   * Processes one event. Throws 404 for an unknown conversation (or one of another
   * organization when `organizationId` is given, or one `guard` refuses) and
   * ConversationEnded when a customer or an agent writes to a conversation that has ended.
   */
  async handle(
    conversationId: string,
    inbound: InboundEvent,
    organizationId?: string,
    guard?: ConversationGuard,
  ): Promise<TurnOutcome> {
    const outcome = await this.handingOverOnFailure(conversationId, (failure) =>
      this.dependencies.database.transaction(async (transaction) => {
        const row = await lockConversation(transaction, conversationId, organizationId);
        // The guard (a visitor's token) is checked on the locked row: one read serves both.
        if (!row || (guard !== undefined && !guard(row))) {
          throw notFound("Conversation", conversationId);
        }
        return this.takeTurn(transaction, row, inbound, failure);
      }),
    );
    this.announce(outcome.notice);
    return outcome.turn;
  }

  /**
   * A timer job has come. The timer fires, or, when turns have moved it later since the
   * job was sent, the job re-arms itself for the new time; a job whose timer was
   * cancelled or replaced (or whose conversation is gone) does nothing.
   */
  async fireTimer(conversationId: string, name: TimerName, jobId: string): Promise<void> {
    const { database, jobs } = this.dependencies;
    const notice = await this.handingOverOnFailure(conversationId, (failure) =>
      database.transaction(async (transaction) => {
        const row = await lockConversation(transaction, conversationId);
        const pending = row?.timerJobs[name];
        if (!row || pending?.jobId !== jobId) return null;
        const now = this.now();
        if (pending.dueAt > now) {
          const writer = new TurnWriter(row, new Date(now));
          await rearmTimer(transaction, jobs, writer, name, pending);
          await transaction
            .update(conversations)
            .set({ timerJobs: writer.row.timerJobs })
            .where(eq(conversations.id, row.id));
          return null;
        }
        const { timerId } = pending;
        const inbound = {
          key: `timer:${name}:${timerId}`,
          event: { type: "timer.fired", name, timerId },
          timerJobId: jobId,
        } as const;
        return (await this.takeTurn(transaction, row, inbound, failure)).notice;
      }),
    );
    this.announce(notice);
  }

  /**
   * Whatever fails in the assistant's part of a turn (a version that is gone, a bug, a
   * database error) rolls the whole turn back, and the turn runs again without the
   * assistant, handing the conversation to an agent instead of losing the customer's
   * message or leaving them without an answer (spec 12). A second transaction only on
   * failure is cheaper than a savepoint on every turn.
   */
  private async handingOverOnFailure<Result>(
    conversationId: string,
    attempt: (failure: AssistantFailure | undefined) => Promise<Result>,
  ): Promise<Result> {
    try {
      return await attempt(undefined);
    } catch (error) {
      if (!(error instanceof AssistantFailure)) throw error;
      this.dependencies.onError?.(error.cause, conversationId);
      return attempt(error);
    }
  }

  /** Everything after the lock: the event's key, the transcript, the assistant's answer, the writes. */
  private async takeTurn(
    transaction: Executor,
    row: ConversationRow,
    inbound: InboundEvent,
    failure: AssistantFailure | undefined,
  ): Promise<{ turn: TurnOutcome; notice: FeedNotice | null }> {
    const { jobs, publish } = this.dependencies;
    const conversationId = row.id;
    const now = this.now();
    const writer = new TurnWriter(row, new Date(now));
    // In memory until the flush, so the key below can carry the message's sequence number.
    const sequence = await recordInbound(transaction, writer, inbound);
    const [first] = await transaction
      .insert(conversationInbound)
      .values({ conversationId, key: inbound.key, sequence })
      .onConflictDoNothing()
      .returning({ key: conversationInbound.key });
    if (first === undefined) {
      const [earlier] = await transaction
        .select({ sequence: conversationInbound.sequence })
        .from(conversationInbound)
        .where(
          and(
            eq(conversationInbound.conversationId, conversationId),
            eq(conversationInbound.key, inbound.key),
          ),
        );
      return {
        turn: { duplicate: true, sequence: earlier?.sequence ?? null, conversation: row },
        notice: null,
      };
    }
    if (row.status === "ended" && customerEvents.has(inbound.event.type)) {
      throw new ConversationEnded(conversationId, "customer");
    }
    // Checked under the lock: a reply racing with the end must not reach a closed conversation.
    if (row.status === "ended" && agentEvents.has(inbound.event.type)) {
      throw new ConversationEnded(conversationId, "agent");
    }
    if (row.state && failure) await handOverAfterError(transaction, jobs, writer, failure.cause);
    else if (row.state) await this.runAssistant(transaction, writer, inbound.event, now);
    if (inbound.event.type === "customer.closed") endConversation(writer, "the customer closed the chat");
    if (inbound.event.type === "agent.done") {
      endConversation(writer, "an agent marked it done", inbound.event.agentId);
    }
    const notice = await writer.flush(transaction, jobs, publish);
    return { turn: { duplicate: false, sequence, conversation: writer.row }, notice };
  }

  /** The assistant's part of a turn; a failure here is handed to `handingOverOnFailure`. */
  private async runAssistant(
    transaction: Executor,
    writer: TurnWriter,
    event: ConversationEvent,
    now: number,
  ): Promise<void> {
    try {
      const definition = await definitionOf(transaction, writer.row);
      if (!definition) throw new Error("the assistant version this conversation runs no longer exists");
      const state = parseState(writer.row.state);
      const environment: EngineEnvironment = await environmentFor(transaction, writer.row, now);
      await this.applyResult(transaction, writer, advance(definition, state, event, environment));
    } catch (error) {
      throw new AssistantFailure(error);
    }
  }

  private async applyResult(executor: Executor, writer: TurnWriter, result: TurnResult): Promise<void> {
    writer.row.state = result.state;
    if (writer.row.assistantStatus === null) writer.row.assistantStatus = result.state.status;
    await applyEffects(executor, this.dependencies.jobs, writer, result.effects);
  }
}
