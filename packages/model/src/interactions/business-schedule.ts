import { z } from "zod";
import { Identifier } from "../identifiers.ts";
import type { InteractionPath, InteractionPathSchema } from "./interaction-path.ts";

/** The kinds spec 04 allows inside a business schedule (plus a redirect at the end of each path). */
export const businessScheduleInnerKinds = [
  "send_message",
  "text_question",
  "button_question",
  "attribute_question",
  "run_workflow",
  "update_attribute",
] as const;

export interface BusinessSchedule {
  id: string;
  kind: "business_schedule";
  scheduleId: string;
  duringHours: InteractionPath;
  outsideHours: InteractionPath;
}

export function businessScheduleSchema(path: InteractionPathSchema) {
  return z
    .object({
      id: Identifier,
      kind: z.literal("business_schedule"),
      scheduleId: z.string().min(1).max(128),
      duringHours: path.default({ interactions: [] }),
      outsideHours: path.default({ interactions: [] }),
    })
    .meta({
      id: "BusinessScheduleInteraction",
      description: "Runs one path during business hours, another outside.",
    });
}
