import { AssistantType, assistantTemplateNames, Channel, templateLanguages } from "@parley/model";
import { z } from "zod";

/** Routes that take a whole definition accept this much; other routes keep the app's default. */
export const definitionBodyLimit = 1024 * 1024;

export const tags = ["assistants"];

export const AssistantParams = z.object({ id: z.uuid() });

/**
 * A definition is checked by the model's validation (every problem with its
 * JSON pointer), not by the route schema, whose errors would be far less
 * precise; the documentation links the JSON Schema of the format.
 */
export const Definition = z.record(z.string(), z.unknown()).meta({
  description:
    "An assistant definition (docs/assistant-format.md; JSON Schema: packages/model/generated/assistant.schema.json).",
});

export const ValidationProblem = z.object({
  path: z.string(),
  code: z.string(),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
});

export const AssistantSummary = z.object({
  id: z.string(),
  publicId: z.string(),
  internalName: z.string(),
  description: z.string(),
  publicName: z.string(),
  channel: Channel,
  type: AssistantType,
  status: z.enum(["draft", "active"]),
  liveVersion: z.number().int().nullable(),
  draftRevision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const AssistantDetail = AssistantSummary.extend({ draft: Definition });

export const AssistantWithProblems = AssistantDetail.extend({
  problems: z.array(ValidationProblem).meta({
    description: "What validation finds in the saved draft; errors must be fixed before publishing.",
  }),
});

export const AssistantList = z.object({
  data: z.array(AssistantSummary.extend({ draft: Definition.optional() })),
  nextCursor: z.string().nullable(),
});

export const ListQuery = z.object({
  publicId: z
    .string()
    .min(1)
    .max(128)
    .optional()
    .meta({ description: "Spec 16: the assistant with this public id, with its draft, inside `data`." }),
  // An empty search box lists everything rather than failing.
  search: z.string().trim().max(100).optional(),
  status: z.enum(["draft", "active"]).optional(),
  channel: Channel.optional(),
  type: AssistantType.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(1000).optional(),
});

export const CreateBody = z.object({
  internalName: z.string().trim().min(1).max(100),
  description: z.string().max(500).optional(),
  publicName: z.string().max(100).optional(),
  channel: Channel,
  type: AssistantType.meta({ description: "lite or premium; pro is legacy and cannot be created (422)." }),
  language: z.enum(templateLanguages).optional(),
  template: z.enum(assistantTemplateNames).default("blank"),
  knowledgeBaseId: z
    .string()
    .min(1)
    .max(128)
    .optional()
    .meta({ description: "The knowledge base the respond-with-ai template answers from (spec 07)." }),
});

// Fastify gives a request without a body `null`: these bodies may be left out entirely.
export const DuplicateBody = z
  .object({
    internalName: z.string().trim().min(1).max(100).optional(),
    type: AssistantType.optional(),
  })
  .nullish();

export const Removal = z.object({ path: z.string(), what: z.string(), message: z.string() });

export const DuplicateResponse = AssistantDetail.extend({ removed: z.array(Removal) });

export const ConversionQuery = z.object({
  type: AssistantType.meta({ description: "The type to convert to: lite or premium." }),
});

export const ConversionPreview = z.object({
  from: AssistantType,
  to: AssistantType,
  removed: z.array(Removal).meta({
    description: "What duplicating as `to` would remove, with JSON pointers into the current draft.",
  }),
});

export const VersionSummary = z.object({
  assistantId: z.string(),
  version: z.number().int(),
  live: z.boolean(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
  publisher: z
    .object({ kind: z.enum(["user", "api_key"]), name: z.string() })
    .nullable()
    .meta({
      description: "The user or API key that published the version, by name; null when it no longer exists.",
    }),
});

export const VersionDetail = VersionSummary.extend({ definition: Definition });

export const PublishResponse = VersionDetail.extend({
  problems: z
    .array(ValidationProblem)
    .meta({ description: "Warnings; a draft with errors is not published." }),
});

export const VersionParams = AssistantParams.extend({ version: z.coerce.number().int().min(1) });

const VersionOrDraft = z.union([z.literal("draft"), z.coerce.number().int().min(1)]);

export const CompareQuery = z.object({ from: VersionOrDraft, to: VersionOrDraft });

const ValueChange = z.object({ path: z.string(), from: z.unknown().optional(), to: z.unknown().optional() });
const InteractionEntry = z.object({ id: z.string(), kind: z.string(), path: z.string() });
const DialogEntry = z.object({ id: z.string(), name: z.string(), path: z.string() });
const EndSummary = z.object({ id: z.string(), kind: z.string() }).nullable();

export const CompareResponse = z.object({
  from: z.union([z.literal("draft"), z.number()]),
  to: z.union([z.literal("draft"), z.number()]),
  identical: z.boolean(),
  settings: z.array(ValueChange),
  dialogs: z.object({
    added: z.array(DialogEntry),
    removed: z.array(DialogEntry),
    renamed: z.array(z.object({ id: z.string(), from: z.string(), to: z.string() })),
    changed: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        interactions: z.object({
          added: z.array(InteractionEntry),
          removed: z.array(InteractionEntry),
          changed: z.array(InteractionEntry.extend({ changes: z.array(ValueChange) })),
          moved: z.array(z.object({ id: z.string(), kind: z.string(), from: z.string(), to: z.string() })),
        }),
        end: z.object({ from: EndSummary, to: EndSummary, changes: z.array(ValueChange) }).nullable(),
      }),
    ),
  }),
});

export const NewDraftBody = z
  .object({
    fromVersion: z
      .number()
      .int()
      .min(1)
      .optional()
      .meta({ description: "The version to start from; the latest when left out." }),
  })
  .nullish();

export const LiveBody = z.object({
  version: z
    .number()
    .int()
    .min(1)
    .nullable()
    .meta({ description: "The version conversations use; null takes the assistant offline (status draft)." }),
});

// Loose: the parsed headers replace the request's, which must keep the others.
export const IfMatchHeaders = z.looseObject({
  "if-match": z
    .string()
    .max(200)
    .optional()
    .meta({ description: 'The ETag of the draft the change is based on, such as "3"; stale → 409.' }),
});
