import { z } from "zod";
import { Identifier } from "../identifiers.ts";
import {
  defineInteraction,
  everyAssistantType,
  everyChannel,
  inDialogsAndBranches,
  neverWaits,
} from "./definition.ts";
import { type InteractionPath, nestedInteractionPath } from "./interaction-path.ts";

export interface BusinessSchedule {
  id: string;
  kind: "business_schedule";
  scheduleId: string;
  duringHours: InteractionPath;
  outsideHours: InteractionPath;
}

const description = "Runs one path during business hours, another outside.";

function buildBusinessScheduleSchema() {
  const path = nestedInteractionPath();
  return z
    .object({
      id: Identifier,
      kind: z.literal("business_schedule"),
      scheduleId: z.string().min(1).max(128),
      duringHours: path.default({ interactions: [] }),
      outsideHours: path.default({ interactions: [] }),
    })
    .meta({ id: "BusinessScheduleInteraction", description });
}

let schema: ReturnType<typeof buildBusinessScheduleSchema> | undefined;

/**
 * Built on first use, when interaction.ts builds the union after importing every kind: schemas with ids
 * are listed in the order they were built (OpenAPI components), and this keeps that order.
 */
export function businessScheduleSchema() {
  schema ??= buildBusinessScheduleSchema();
  return schema;
}

export const businessScheduleDefinition = defineInteraction<BusinessSchedule>({
  kind: "business_schedule",
  get schema() {
    return businessScheduleSchema() as unknown as z.ZodType<BusinessSchedule>;
  },
  label: "Business schedule",
  alsoKnownAs: [],
  description,
  end: false,
  // Spec 04 lists what its paths may hold (see each kind's positions); a schedule is not among them.
  availability: {
    channels: everyChannel,
    assistantTypes: everyAssistantType,
    positions: inDialogsAndBranches,
  },
  waitsForCustomer: neverWaits,
  nestedPaths: [
    { path: "duringHours", key: "during" },
    { path: "outsideHours", key: "outside" },
  ],
  references: [
    { path: "scheduleId", target: "business_schedule" },
    { path: "duringHours.redirectTo", target: "dialog" },
    { path: "outsideHours.redirectTo", target: "dialog" },
  ],
  textTemplateFields: [],
  optionIds: [],
  fields: [
    { key: "scheduleId", label: "Business schedule", kind: "business_schedule", required: true },
    { key: "duringHours", label: "During business hours", kind: "interaction_path", required: false },
    { key: "outsideHours", label: "Outside business hours", kind: "interaction_path", required: false },
  ],
});
