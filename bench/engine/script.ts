/**
 * The one conversation both sides run (spec 11 tutorial): the customer opens
 * the chat, gives their name, picks a team, and is handed to an agent.
 */
export const customerName = "Alice";
export const chosenTeam = "Sales";

/** Customer-facing turns per conversation: the opening turn and two answers. */
export const turnsPerConversation = 3;

/**
 * What the customer saw on each turn, in a form both sides can produce
 * (`text: …`, `choice: … [A|B]`, `transfer: team`), so the two flows can be
 * compared line by line before anything is timed.
 */
export type Transcript = string[][];

/** Called with the bytes of the stored conversation state after each turn. */
export type StateObserver = (bytes: number) => void;

export interface Flow {
  name: string;
  /** Runs one conversation end to end; throws if it did not end in the transfer. */
  runConversation(conversation: number, observe?: StateObserver): Promise<void>;
  /** Runs one conversation and returns what the customer saw. */
  transcript(conversation: number): Promise<Transcript>;
}
