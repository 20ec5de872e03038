import {
  type Assistant,
  type AssistantTemplateName,
  type AssistantType,
  type Channel,
  convertAssistant,
  createAssistantFromTemplate,
  type Removal,
  type TemplateLanguage,
  TemplateOptionError,
  typesForChannel,
} from "@parley/model";
import { ApiError } from "../http/errors.ts";
import { type AssistantIdentity, withIdentity } from "./identity.ts";

export interface NewAssistantRequest {
  internalName: string;
  description?: string | undefined;
  publicName?: string | undefined;
  channel: Channel;
  type: AssistantType;
  language?: TemplateLanguage | undefined;
  template: AssistantTemplateName;
  /** The knowledge base the respond-with-ai template answers from. */
  knowledgeBaseId?: string | undefined;
}

function refusedOption(option: string, code: string, message: string): ApiError {
  return new ApiError(422, code, message, {
    problems: [{ in: "body", path: `/${option}`, code, message }],
  });
}

/** Pro is legacy (spec 17): existing Pro assistants run and convert, but none can be made. */
function refuseNewPro(type: AssistantType): void {
  if (type === "pro") {
    throw refusedOption(
      "type",
      "pro_not_available",
      "Pro assistants can no longer be created; choose lite or premium.",
    );
  }
}

/**
 * The definition of a new assistant: the template (blank by default, with the
 * Welcome and Complete Assistant dialogs) built with the caller's names and
 * the new ids.
 */
export function newAssistantDefinition(request: NewAssistantRequest, identity: AssistantIdentity): Assistant {
  refuseNewPro(request.type);
  try {
    const definition = createAssistantFromTemplate(request.template, {
      ...identity,
      channel: request.channel,
      type: request.type,
      internalName: request.internalName,
      ...(request.language ? { language: request.language } : {}),
      ...(request.knowledgeBaseId ? { knowledgeBaseId: request.knowledgeBaseId } : {}),
      ...(request.description !== undefined ? { description: request.description } : {}),
      ...(request.publicName !== undefined ? { publicName: request.publicName } : {}),
    });
    return withIdentity(definition, identity);
  } catch (error) {
    if (error instanceof TemplateOptionError) {
      throw refusedOption(error.option, "option_not_available", error.message);
    }
    throw error;
  }
}

/** At most 100 characters, like every internal name. */
function copyName(name: string): string {
  return `Copy of ${name}`.slice(0, 100).trim();
}

/**
 * The definition as another type (spec 02, 17), or as it is when the type stays: what the new
 * type lacks is removed and listed. Duplicating stores this; the conversion preview only shows
 * the list, so an admin sees what would go before anything is created.
 */
export function convertedDefinition(
  source: Assistant,
  requestedType: AssistantType | undefined,
): { assistant: Assistant; removed: Removal[] } {
  const type = requestedType ?? source.type;
  if (type === "pro") {
    if (requestedType === undefined) {
      throw refusedOption(
        "type",
        "pro_not_available",
        "This is a Pro assistant, and Pro assistants can no longer be created: duplicate it as lite or premium.",
      );
    }
    refuseNewPro(type);
  }
  if (!typesForChannel(source.channel).includes(type)) {
    throw refusedOption(
      "type",
      "option_not_available",
      `A ${source.channel} assistant cannot be ${type}; it can be ${typesForChannel(source.channel)
        .filter((candidate) => candidate !== "pro")
        .join(" or ")}.`,
    );
  }
  return type === source.type
    ? { assistant: structuredClone(source), removed: [] }
    : convertAssistant(source, type);
}

/** A copy of a definition under new ids, optionally as another type (see convertedDefinition). */
export function duplicateDefinition(
  source: Assistant,
  identity: AssistantIdentity,
  request: { internalName?: string | undefined; type?: AssistantType | undefined },
): { assistant: Assistant; removed: Removal[] } {
  const converted = convertedDefinition(source, request.type);
  const assistant = {
    ...converted.assistant,
    internalName: request.internalName ?? copyName(source.internalName),
  };
  return { assistant: withIdentity(assistant, identity), removed: converted.removed };
}
