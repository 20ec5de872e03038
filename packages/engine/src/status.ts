/** Assistant statuses of spec 12. Running is the start; the others are reached by the transitions there. */
export const assistantStatuses = [
  "running",
  "transferred",
  "ended",
  "abandoned",
  "missed",
  "interrupted",
] as const;
export type AssistantStatus = (typeof assistantStatuses)[number];

/** Statuses where the assistant no longer answers the customer. */
export function isAssistantDone(status: AssistantStatus): boolean {
  return status !== "running";
}
