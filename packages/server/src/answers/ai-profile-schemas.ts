import { z } from "zod";
import { Timestamps } from "../data/route-schemas.ts";

export const aiProfileLimits = { nameLength: 100, instructionsLength: 4000, profiles: 100 } as const;

export const AiProfileInput = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1, "is required")
      .max(aiProfileLimits.nameLength, `must be at most ${aiProfileLimits.nameLength} characters`)
      .meta({ description: "Unique in the organization, ignoring case." }),
    instructions: z
      .string()
      .trim()
      .max(
        aiProfileLimits.instructionsLength,
        `must be at most ${aiProfileLimits.instructionsLength} characters`,
      )
      .default("")
      .meta({
        description:
          "Guidance on tone and format (`Answer in two sentences at most; address the customer by first name`). The model gets it after Parley's fixed rules, which it cannot change: it never adds sources or lets answers go beyond the published public articles.",
      }),
  })
  .meta({ id: "AiProfileRequest" });
export type AiProfileInput = z.infer<typeof AiProfileInput>;

export const AiProfileUser = z
  .object({
    id: z.string(),
    internalName: z.string(),
    /** Whether the draft names the profile, and whether the live version does. */
    draft: z.boolean(),
    live: z.boolean(),
  })
  .meta({ id: "AiProfileUser" });
export type AiProfileUser = z.infer<typeof AiProfileUser>;

export const AiProfile = z
  .object({
    id: z.string(),
    name: z.string(),
    instructions: z.string(),
    isDefault: z.boolean().meta({
      description:
        "Whether it is the organization's default profile (`defaultProfileId` of the AI settings).",
    }),
    usedBy: z.array(AiProfileUser).meta({
      description:
        "Assistants whose draft or live version names it, in their settings (`aiProfileId`) or in an AI response.",
    }),
    ...Timestamps,
  })
  .meta({ id: "AiProfile" });
export type AiProfile = z.infer<typeof AiProfile>;
