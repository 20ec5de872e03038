import { isAvailable, volumeControlAvailability } from "@parley/model";
import type { TimerName } from "./events.ts";
import { transfer } from "./handover.ts";
import { interactionModule } from "./interactions/index.ts";
import type { Turn } from "./turn-context.ts";

/** Voice callers are re-prompted this often (spec 10). */
export const voiceRepromptMilliseconds = 10_000;
const minute = 60_000;

const customerTimers: readonly TimerName[] = ["reminder", "abandon", "voice_reprompt"];

export function isWaitingForCustomer(turn: Turn): boolean {
  const waiting = turn.state.waiting;
  return (
    turn.state.status === "running" &&
    waiting !== null &&
    (waiting.for === "text" || waiting.for === "choice" || waiting.for === "input")
  );
}

function settingAvailable(turn: Turn, setting: keyof typeof volumeControlAvailability): boolean {
  return isAvailable(volumeControlAvailability[setting], turn.channel, turn.assistant.type);
}

/** Starts (or restarts) the reminder and abandon timers when the assistant waits for the customer. */
export function armCustomerTimers(turn: Turn): void {
  if (!isWaitingForCustomer(turn)) {
    disarmCustomerTimers(turn);
    return;
  }
  const { reminder, abandon } = turn.assistant.settings.volumeControl;
  if (turn.channel === "voice") {
    if (reminder.enabled) turn.scheduleTimer("voice_reprompt", voiceRepromptMilliseconds);
    return;
  }
  if (reminder.enabled && settingAvailable(turn, "reminder"))
    turn.scheduleTimer("reminder", reminder.afterMinutes * minute);
  else turn.cancelTimer("reminder");
  if (abandon.enabled && settingAvailable(turn, "abandon"))
    turn.scheduleTimer("abandon", abandon.afterMinutes * minute);
  else turn.cancelTimer("abandon");
}

export function disarmCustomerTimers(turn: Turn): void {
  turn.cancelTimers(customerTimers);
}

function repeatQuestion(turn: Turn): void {
  const waiting = turn.state.waiting;
  const interaction = waiting?.interactionId ? turn.index.interactions.get(waiting.interactionId) : undefined;
  if (!waiting || !interaction) return;
  interactionModule(interaction.kind).repeat?.(turn, interaction as never, waiting);
}

/** The reminder asks the customer to respond, then asks again what the assistant is waiting for (spec 10). */
export function onReminder(turn: Turn): void {
  if (!isWaitingForCustomer(turn)) return;
  turn.emit({
    type: "message.send",
    message: { kind: "text", text: turn.render(turn.assistant.settings.volumeControl.reminder.message) },
  });
  repeatQuestion(turn);
}

/** Abandonment says goodbye, then marks the conversation done or hands it to an agent, per the setting. */
export function onAbandon(turn: Turn): void {
  if (!isWaitingForCustomer(turn)) return;
  const { abandon } = turn.assistant.settings.volumeControl;
  turn.sendText(turn.render(abandon.message));
  turn.state.waiting = null;
  turn.state.frames = [];
  disarmCustomerTimers(turn);
  if (abandon.action === "mark_done" && settingAvailable(turn, "abandonMarkDone")) {
    turn.setStatus("abandoned", "customer did not respond");
    turn.emit({ type: "conversation.end", reason: "abandoned" });
    return;
  }
  transfer(turn, { reason: "abandoned", customerLeft: true });
}

/** Voice: re-prompt every 10 seconds, then route the call to an agent. */
export function onVoiceReprompt(turn: Turn): void {
  if (!isWaitingForCustomer(turn)) return;
  const reprompts = (turn.state.counters.reprompts ?? 0) + 1;
  turn.state.counters.reprompts = reprompts;
  if (reprompts > turn.assistant.settings.volumeControl.reminder.voiceReprompts) {
    turn.state.waiting = null;
    turn.state.frames = [];
    transfer(turn, { reason: "caller did not respond" });
    return;
  }
  repeatQuestion(turn);
  turn.scheduleTimer("voice_reprompt", voiceRepromptMilliseconds);
}
