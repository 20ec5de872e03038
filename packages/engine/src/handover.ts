import { isAvailable, volumeControlAvailability } from "@parley/model";
import { readAttribute } from "./attributes.ts";
import { finish, type Outcome } from "./outcome.ts";
import type { Turn } from "./turn-context.ts";

const minute = 60_000;

export interface TransferRequest {
  reason: string;
  message?: string | undefined;
  teamId?: string | undefined;
  routing?: { priority?: number | undefined; queue?: string | undefined; skills?: string[] | undefined };
  /** The customer has gone (abandonment): nobody is left to offer follow-up channels to. */
  customerLeft?: boolean;
}

/** Without a team on the transfer, the team the customer chose (Assigned Teams) routes the conversation. */
function chosenTeam(turn: Turn): string | undefined {
  const assigned = readAttribute(turn, "conversation", "assignedTeams");
  const team = Array.isArray(assigned) ? assigned[0] : assigned;
  return typeof team === "string" && team.trim() !== "" ? team : undefined;
}

function compactRouting(routing: TransferRequest["routing"]): {
  priority?: number;
  queue?: string;
  skills?: string[];
} {
  const compact: { priority?: number; queue?: string; skills?: string[] } = {};
  if (routing?.priority !== undefined) compact.priority = routing.priority;
  if (routing?.queue !== undefined) compact.queue = routing.queue;
  if (routing?.skills !== undefined) compact.skills = routing.skills;
  return compact;
}

/**
 * Hands the conversation to agents with everything collected so far, and
 * starts the agent-missed timer where the setting applies.
 */
export function transfer(turn: Turn, request: TransferRequest): Outcome {
  if (request.message) turn.sendText(turn.render(request.message));
  turn.cancelTimers(["reminder", "abandon", "voice_reprompt"]);
  turn.setStatus("transferred", request.reason);
  const teamId = request.teamId ?? chosenTeam(turn);
  turn.emit({
    type: "conversation.transfer",
    ...(teamId ? { teamId } : {}),
    routing: compactRouting(request.routing),
    collected: { ...turn.state.attributes },
    reason: request.reason,
  });
  turn.state.agentReplied = false;
  const { agentMissed } = turn.assistant.settings.volumeControl;
  if (
    !request.customerLeft &&
    agentMissed.enabled &&
    isAvailable(volumeControlAvailability.agentMissed, turn.channel, turn.assistant.type)
  ) {
    turn.scheduleTimer("missed", agentMissed.afterMinutes * minute);
  }
  return finish;
}

/** The error path of spec 12: whatever went wrong, a person takes over. */
export function transferOnError(turn: Turn, error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  turn.state.waiting = null;
  turn.state.frames = [];
  turn.sendText(turn.phrase("handover"));
  transfer(turn, { reason: `error: ${detail}`.slice(0, 500) });
}

export function endConversation(turn: Turn, reason: string, message?: string): Outcome {
  if (message) turn.sendText(turn.render(message));
  turn.cancelTimers(["reminder", "abandon", "voice_reprompt"]);
  turn.setStatus("ended", reason);
  turn.emit({ type: "conversation.end", reason });
  return finish;
}
