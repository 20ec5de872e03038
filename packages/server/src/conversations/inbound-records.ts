import type { Executor } from "../database/connection.ts";
import { offeredOptionLabel } from "./conversation-store.ts";
import type { InboundEvent } from "./runner.ts";
import type { TurnWriter } from "./turn-writer.ts";

/**
 * Writes what the event itself brings into the transcript and the conversation, before
 * the engine answers it: the customer's words, an agent's reply or assignment. Returns
 * the sequence number of the message it added, if any.
 */
export async function recordInbound(
  executor: Executor,
  writer: TurnWriter,
  inbound: InboundEvent,
): Promise<number | null> {
  const { event } = inbound;
  const { row } = writer;
  // WhatsApp's customer-service window runs from the customer's last message.
  if (event.type.startsWith("customer.") && event.type !== "customer.closed")
    row.lastCustomerMessageAt = writer.now;
  switch (event.type) {
    case "customer.text":
      return writer.addMessage("customer", { kind: "text", text: event.text });
    case "customer.choice": {
      const label = await offeredOptionLabel(executor, row.id, event.optionId);
      return writer.addMessage("customer", {
        kind: "choice",
        optionId: event.optionId,
        label: label ?? event.optionId,
      });
    }
    case "customer.attachment":
      return writer.addMessage("customer", { kind: "attachment", attachments: event.attachments });
    case "customer.input":
      return writer.addMessage("customer", {
        kind: "text",
        text: event.speech ?? event.digits ?? "",
        ...(event.digits !== undefined ? { digits: event.digits } : {}),
      });
    case "agent.replied":
      return writer.addMessage("agent", { kind: "text", text: event.text }, event.agentId);
    case "agent.assigned":
      row.assignedAgentId = event.agentId;
      if (row.status === "open") {
        row.status = "transferred";
        row.transferredAt = writer.now;
      }
      writer.addActivity("assigned", { agentId: event.agentId });
      writer.markConversationChanged();
      return null;
    case "timer.fired":
      // The job that brought this timer is done; a timer the turn schedules again gets a new job.
      if (inbound.timerJobId !== undefined && row.timerJobs[event.name]?.jobId === inbound.timerJobId) {
        delete row.timerJobs[event.name];
      }
      writer.addActivity("timer", { name: event.name });
      return null;
    case "customer.closed":
    case "agent.done":
      // The runner ends the conversation once the engine has answered; nothing is said in the transcript.
      return null;
    case "workflow.completed":
    case "articles.found":
    case "answer.generated":
    case "objects.found":
    case "effect.failed":
      // Results of the assistant's own requests: only what the assistant makes of them is shown.
      return null;
    default:
      // Every event type has a case above: a new one stops this compiling until it is decided here.
      event satisfies never;
      return null;
  }
}
