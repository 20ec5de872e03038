import type { ConversationEvent } from "@parley/engine";
import { durationHelp, parseDuration } from "../conversation/duration.ts";
import type { OfferedOptions } from "../conversation/offered-options.ts";

/** What one line typed in `parley chat` asks for. */
export type ChatAction =
  | { kind: "event"; event: ConversationEvent }
  | { kind: "wait"; milliseconds: number }
  | { kind: "assign"; agentId: string }
  | { kind: "state" }
  | { kind: "help" }
  | { kind: "quit" }
  | { kind: "nothing" }
  | { kind: "error"; message: string };

export const chatHelp = `Type what the customer says. While options are offered, a number picks that option.
Commands:
  /wait 6m       move the clock (30s, 6m, 2h, 90 = seconds) and fire the timers that fall due
  /agent TEXT    an agent replies
  /assign NAME   an agent is assigned
  /done          the agent marks the conversation done
  /close         the customer closes the conversation
  /input 1       voice: the caller keys digits (or says words: /input sales)
  /state         print the conversation state as JSON
  /help          this help
  /quit          leave (so does the end of the input)
A line starting with // sends the text after the first slash, for customers who type a slash.`;

function customerText(text: string): ChatAction {
  return { kind: "event", event: { type: "customer.text", text } };
}

/** A number while options are offered picks the option; a plain-text menu is answered with the number itself. */
function customerLine(line: string, offered: OfferedOptions | null): ChatAction {
  const number = /^\s*([0-9]{1,2})\s*$/.exec(line)?.[1];
  const option = number && offered ? offered.options[Number(number) - 1] : undefined;
  if (option && offered?.kind === "buttons") {
    return { kind: "event", event: { type: "customer.choice", optionId: option.id } };
  }
  return customerText(line);
}

/** Turns one typed line into an action; `agentId` is who `/agent` and `/done` speak for. */
export function parseChatLine(line: string, offered: OfferedOptions | null, agentId: string): ChatAction {
  if (line.trim() === "") return { kind: "nothing" };
  if (line.startsWith("//")) return customerText(line.slice(1));
  const command = /^\/([A-Za-z]+)([\s\S]*)$/.exec(line.trim());
  if (!command) return customerLine(line, offered);
  const name = (command[1] ?? "").toLowerCase();
  const argument = (command[2] ?? "").trim();
  switch (name) {
    case "wait": {
      const milliseconds = parseDuration(argument);
      if (argument === "" || milliseconds === null) {
        return { kind: "error", message: `/wait needs ${durationHelp}` };
      }
      return { kind: "wait", milliseconds };
    }
    case "agent":
      if (argument === "") return { kind: "error", message: "/agent needs the text the agent replies" };
      return { kind: "event", event: { type: "agent.replied", agentId, text: argument } };
    case "assign":
      return { kind: "assign", agentId: argument === "" ? agentId : argument.slice(0, 128) };
    case "done":
      return { kind: "event", event: { type: "agent.done", agentId } };
    case "close":
      return { kind: "event", event: { type: "customer.closed" } };
    case "input":
      if (argument === "")
        return { kind: "error", message: "/input needs digits (such as /input 1) or words" };
      return {
        kind: "event",
        event: /^[0-9*#]{1,64}$/.test(argument)
          ? { type: "customer.input", digits: argument }
          : { type: "customer.input", speech: argument },
      };
    case "state":
      return { kind: "state" };
    case "help":
      return { kind: "help" };
    case "quit":
    case "exit":
      return { kind: "quit" };
    default:
      return { kind: "error", message: `unknown command /${name}; type /help for the commands` };
  }
}
