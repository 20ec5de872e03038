import type { FollowUpChannel } from "@parley/model";
import { isAvailable, volumeControlAvailability } from "@parley/model";
import { matchChoice } from "./choices.ts";
import type { ConversationEvent } from "./events.ts";
import type { ChoiceOption } from "./messages.ts";
import type { PhraseName } from "./phrases.ts";
import type { Turn } from "./turn-context.ts";

const channelLabels: Record<FollowUpChannel, PhraseName> = {
  email: "followUpEmail",
  phone: "followUpPhone",
  sms: "followUpSms",
  whatsapp: "followUpWhatsapp",
  wait: "followUpWait",
};

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
/** Phone, SMS and WhatsApp numbers need the country code (spec 10): E.164. */
const phonePattern = /^\+[1-9][0-9]{6,14}$/;

function followUpOptions(turn: Turn): ChoiceOption[] {
  return turn.assistant.settings.volumeControl.agentMissed.followUpChannels.map((channel) => ({
    id: channel,
    label: turn.phrase(channelLabels[channel]),
  }));
}

function markDone(turn: Turn, reason: string): void {
  turn.state.waiting = null;
  turn.cancelTimer("choice_timeout");
  turn.emit({ type: "conversation.end", reason });
}

/**
 * No agent replied in time: say so, offer the follow-up channels, and (on
 * Premium and Pro, when set) mark the conversation done if none is chosen.
 */
export function onAgentMissed(turn: Turn): void {
  if (turn.state.status !== "transferred" || turn.state.agentReplied) return;
  const { agentMissed } = turn.assistant.settings.volumeControl;
  turn.setStatus("missed", "no agent replied in time");
  const options = followUpOptions(turn);
  turn.offerChoices(turn.render(agentMissed.message), options);
  turn.state.waiting = { for: "follow_up_channel", options: options.map((option) => option.id) };
  if (
    agentMissed.markDoneIfNoChoice &&
    isAvailable(volumeControlAvailability.agentMissedMarkDone, turn.channel, turn.assistant.type)
  ) {
    turn.scheduleTimer("choice_timeout", agentMissed.choiceTimeoutSeconds * 1000);
  }
}

export function onChoiceTimeout(turn: Turn): void {
  if (turn.state.waiting?.for !== "follow_up_channel") return;
  markDone(turn, "no follow-up channel chosen");
}

/** The customer's answers while the agent-missed follow-up is open. */
export function resumeFollowUp(turn: Turn, event: ConversationEvent): void {
  const waiting = turn.state.waiting;
  if (waiting?.for === "follow_up_channel") {
    const options = followUpOptions(turn);
    const chosen = matchChoice(event, options);
    if (!chosen) {
      if (event.type === "customer.text" || event.type === "customer.choice") {
        turn.offerChoices(turn.phrase("chooseOption"), options);
      }
      return;
    }
    turn.cancelTimer("choice_timeout");
    if (chosen.id === "wait") {
      turn.emit({ type: "follow_up.record", channel: "wait" });
      turn.sendText(turn.phrase("waitConfirmed"));
      turn.state.waiting = null;
      return;
    }
    turn.state.waiting = { for: "follow_up_contact", data: { channel: chosen.id } };
    turn.sendText(turn.phrase(chosen.id === "email" ? "askEmail" : "askPhone"));
    return;
  }
  if (waiting?.for === "follow_up_contact" && event.type === "customer.text") {
    const channel = String(waiting.data?.channel ?? "email");
    const text = event.text.trim().slice(0, 320);
    const contact = channel === "email" ? text : text.replace(/[\s().-]/g, "");
    if (!(channel === "email" ? emailPattern : phonePattern).test(contact)) {
      turn.sendText(turn.phrase(channel === "email" ? "invalidEmail" : "invalidPhone"));
      return;
    }
    turn.emit({ type: "follow_up.record", channel, contact });
    turn.sendText(turn.phrase("followUpConfirmed", { contact }));
    markDone(turn, `follow up by ${channel}`);
  }
}
