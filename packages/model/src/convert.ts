import type { Assistant } from "./assistant.ts";
import { featureAvailability, typesForChannel, volumeControlAvailability } from "./capabilities.ts";
import type { AssistantType } from "./channels.ts";
import type { Dialog } from "./dialog.ts";
import type { AnyInteractionKind, EndInteraction, Interaction } from "./interaction.ts";
import type { InteractionPath } from "./interactions/interaction-path.ts";
import { interactionDefinition } from "./interactions/registry.ts";
import { mapNestedPaths } from "./interactions/walk.ts";
import { childPointer } from "./validation/json-pointer.ts";
import { channelLabels, listInProse, typeLabels } from "./validation/labels.ts";

function labelOf(kind: AnyInteractionKind): string {
  return interactionDefinition(kind).label;
}

/**
 * "Duplicate as Lite / Premium" (spec 02 and 17): the copy keeps what the new
 * type has and drops the rest, reporting each thing it dropped so the admin
 * can review the flow. Ids stay as they are; whoever stores the copy gives it new ones.
 */
export interface Removal {
  /** JSON pointer of what was removed, in the original definition. */
  path: string;
  what: string;
  message: string;
}

export interface Conversion {
  assistant: Assistant;
  removed: Removal[];
}

class Converter {
  readonly removed: Removal[] = [];
  private readonly toType: AssistantType;
  private readonly typeName: string;
  private readonly keepsIntents: boolean;

  constructor(toType: AssistantType) {
    this.toType = toType;
    this.typeName = typeLabels[toType];
    this.keepsIntents = featureAvailability.intents.types.includes(toType);
  }

  private keeps(kind: AnyInteractionKind): boolean {
    return interactionDefinition(kind).availability.assistantTypes.includes(this.toType);
  }

  convertDialog(dialog: Dialog, pointer: string): Dialog {
    const interactions = this.convertList(
      dialog.interactions,
      childPointer(pointer, "interactions"),
      dialog.name,
    );
    let end: EndInteraction | null = dialog.end;
    if (end !== null && !this.keeps(end.kind)) {
      this.removed.push({
        path: childPointer(pointer, "end"),
        what: `${labelOf(end.kind)} end interaction`,
        message: `Removed the ${labelOf(end.kind)} end interaction of dialog ${JSON.stringify(dialog.name)}: ${this.typeName} assistants do not have it. The dialog is now unlinked; give it a new end interaction.`,
      });
      end = null;
    } else if (end !== null) {
      end = this.withoutIntentUnderstanding(end, childPointer(pointer, "end"), dialog.name);
    }
    return { ...dialog, interactions, end };
  }

  private convertList(
    interactions: readonly Interaction[],
    listPointer: string,
    dialogName: string,
  ): Interaction[] {
    return interactions.flatMap((interaction, index) => {
      const pointer = childPointer(listPointer, index);
      if (this.keeps(interaction.kind)) return [this.convertInteraction(interaction, pointer, dialogName)];
      this.removed.push({
        path: pointer,
        what: `${labelOf(interaction.kind)} interaction`,
        message: `Removed the ${labelOf(interaction.kind)} interaction from dialog ${JSON.stringify(dialogName)}: ${this.typeName} assistants do not have it.`,
      });
      return [];
    });
  }

  private convertPath(path: InteractionPath, pointer: string, dialogName: string): InteractionPath {
    return {
      ...path,
      interactions: this.convertList(path.interactions, childPointer(pointer, "interactions"), dialogName),
    };
  }

  private convertInteraction(interaction: Interaction, pointer: string, dialogName: string): Interaction {
    const withPaths = mapNestedPaths(interaction, pointer, (nested) =>
      this.convertPath(nested.path as InteractionPath, nested.pointer, dialogName),
    );
    return this.withoutIntentUnderstanding(withPaths, pointer, dialogName);
  }

  private withoutIntentUnderstanding<Any extends Interaction | EndInteraction>(
    interaction: Any,
    pointer: string,
    dialogName: string,
  ): Any {
    if (this.keepsIntents || !("understandIntents" in interaction) || !interaction.understandIntents) {
      return interaction;
    }
    this.removed.push({
      path: childPointer(pointer, "understandIntents"),
      what: "intent understanding",
      message: `The ${labelOf(interaction.kind)} interaction in dialog ${JSON.stringify(dialogName)} no longer understands intents: ${this.typeName} assistants have no intents.`,
    });
    return { ...interaction, understandIntents: false };
  }

  convertIntents(assistant: Assistant): Pick<Assistant, "intents" | "settings"> {
    if (this.keepsIntents) return { intents: assistant.intents, settings: assistant.settings };
    assistant.intents.forEach((mapping, index) => {
      this.removed.push({
        path: childPointer("", "intents", index),
        what: `intent mapping ${mapping.intent}`,
        message: `Removed the mapping of intent ${JSON.stringify(mapping.intent)}: ${this.typeName} assistants have no intents.`,
      });
    });
    let behaviour = assistant.settings.behaviour;
    if (behaviour.noIntentMatch.action === "redirect") {
      this.removed.push({
        path: "/settings/behaviour/noIntentMatch",
        what: '"no intent matched" redirect',
        message: `Removed the "no intent matched" redirect: ${this.typeName} assistants have no intents.`,
      });
      behaviour = { ...behaviour, noIntentMatch: { action: "continue" } };
    }
    return { intents: [], settings: { ...assistant.settings, behaviour } };
  }

  convertVolumeControl(settings: Assistant["settings"]): Assistant["settings"] {
    let { abandon, agentMissed } = settings.volumeControl;
    if (
      abandon.action === "mark_done" &&
      !volumeControlAvailability.abandonMarkDone.types.includes(this.toType)
    ) {
      this.removed.push({
        path: "/settings/volumeControl/abandon/action",
        what: "mark as done for abandoned conversations",
        message: `Abandoned conversations are now transferred to an agent instead of marked done: ${this.typeName} assistants cannot mark them done.`,
      });
      abandon = { ...abandon, action: "transfer" };
    }
    if (
      agentMissed.markDoneIfNoChoice &&
      !volumeControlAvailability.agentMissedMarkDone.types.includes(this.toType)
    ) {
      this.removed.push({
        path: "/settings/volumeControl/agentMissed/markDoneIfNoChoice",
        what: "mark as done for missed conversations",
        message: `Missed conversations are no longer marked done when the customer chooses no follow-up channel: ${this.typeName} assistants cannot mark them done.`,
      });
      agentMissed = { ...agentMissed, markDoneIfNoChoice: false };
    }
    return { ...settings, volumeControl: { ...settings.volumeControl, abandon, agentMissed } };
  }
}

/**
 * Converts an assistant to another type, returning the copy and what it lost.
 * Pure: the definition passed in is never changed.
 */
export function convertAssistant(definition: Assistant, toType: AssistantType): Conversion {
  if (toType === "pro") {
    throw new Error(
      "Pro assistants can no longer be created; convert this assistant to Lite or Premium instead.",
    );
  }
  const allowed = typesForChannel(definition.channel);
  if (!allowed.includes(toType)) {
    throw new Error(
      `A ${channelLabels[definition.channel]} assistant cannot become ${typeLabels[toType]}: ${channelLabels[definition.channel]} assistants can only be ${listInProse(allowed.map((type) => typeLabels[type]))}.`,
    );
  }
  // A deep copy first, so that nothing in the result is shared with the caller's definition.
  const original = structuredClone(definition);
  const converter = new Converter(toType);
  const dialogs = original.dialogs.map((dialog, index) =>
    converter.convertDialog(dialog, childPointer("", "dialogs", index)),
  );
  const { intents, settings } = converter.convertIntents(original);
  const assistant: Assistant = {
    ...original,
    type: toType,
    dialogs,
    intents,
    settings: converter.convertVolumeControl(settings),
  };
  return { assistant, removed: converter.removed };
}
