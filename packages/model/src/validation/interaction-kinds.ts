import { endInteractionKinds, interactionKinds } from "../interaction.ts";
import type { InteractionPosition } from "../interactions/definition.ts";
import { interactionDefinitions, isInteractionKind } from "../interactions/registry.ts";
import { nestedPathsOf } from "../interactions/walk.ts";
import { childPointer } from "./json-pointer.ts";
import { quoted } from "./labels.ts";
import { errorAt, type Problem } from "./problem.ts";
import { arrayAt, isRecord } from "./raw-values.ts";

/**
 * Reads interaction kinds before the schema does. Zod reports a kind in the
 * wrong place as "no matching discriminator", which tells an admin nothing;
 * here the same mistakes get their own codes and say where the kind belongs.
 */
export interface InteractionKindScan {
  problems: Problem[];
  /** Pointers of the interactions reported here; schema issues inside them are dropped. */
  reportedPointers: string[];
}

type Holder = Exclude<InteractionPosition, "end">;

const regularKinds: readonly string[] = interactionKinds;
const endKinds: readonly string[] = endInteractionKinds;

function label(kind: string): string {
  return isInteractionKind(kind) ? `${quoted(kind)} (${interactionDefinitions[kind].label})` : quoted(kind);
}

class KindScanner {
  readonly problems: Problem[] = [];
  readonly reportedPointers: string[] = [];

  report(pointer: string, problem: Problem): void {
    this.problems.push(problem);
    this.reportedPointers.push(pointer);
  }

  scanDialog(dialog: unknown, pointer: string): void {
    if (!isRecord(dialog)) return;
    let endSeen = isRecord(dialog.end);
    arrayAt(dialog, "interactions").forEach((interaction, index) => {
      const interactionPointer = childPointer(pointer, "interactions", index);
      const kind = isRecord(interaction) ? interaction.kind : undefined;
      if (typeof kind === "string" && endKinds.includes(kind)) {
        this.report(interactionPointer, this.misplacedEndInDialog(interactionPointer, kind, endSeen));
        endSeen = true;
        return;
      }
      this.scanInteraction(interaction, interactionPointer, "dialog");
    });
    if (isRecord(dialog.end)) this.scanEnd(dialog.end, childPointer(pointer, "end"));
  }

  private misplacedEndInDialog(pointer: string, kind: string, endSeen: boolean): Problem {
    if (endSeen) {
      return errorAt(
        childPointer(pointer, "kind"),
        "multiple_end_interactions",
        `A dialog has at most one end interaction, in "end", and this dialog already has one; remove this ${label(kind)} or move it to a dialog of its own.`,
      );
    }
    return errorAt(
      childPointer(pointer, "kind"),
      "end_interaction_misplaced",
      `${label(kind)} is an end interaction: a dialog has at most one end interaction, in "end", so move it out of "interactions" into "end".`,
    );
  }

  private scanInteraction(interaction: unknown, pointer: string, holder: Holder): void {
    if (!isRecord(interaction)) return;
    const kind = interaction.kind;
    const kindPointer = childPointer(pointer, "kind");
    if (kind === undefined) {
      this.report(
        pointer,
        errorAt(
          kindPointer,
          "missing_interaction_kind",
          `Every interaction needs a "kind", one of: ${regularKinds.join(", ")}.`,
        ),
      );
      return;
    }
    if (typeof kind === "string" && endKinds.includes(kind) && holder !== "dialog") {
      this.report(
        pointer,
        errorAt(
          kindPointer,
          "end_interaction_misplaced",
          `${label(kind)} is an end interaction and cannot sit inside a ${holder === "conditional_branch" ? "conditional branch" : "business schedule"} path; end the path with "redirectTo" instead, or put the end interaction in the dialog's "end".`,
        ),
      );
      return;
    }
    if (typeof kind !== "string" || !regularKinds.includes(kind)) {
      this.report(
        pointer,
        errorAt(
          kindPointer,
          "unknown_interaction_kind",
          `${JSON.stringify(kind)} is not an interaction kind; "kind" must be one of: ${regularKinds.join(", ")}.`,
        ),
      );
      return;
    }
    for (const nested of nestedPathsOf(interaction, pointer)) {
      this.scanPath(nested.path, nested.pointer, nested.position as Holder);
    }
  }

  private scanPath(path: unknown, pointer: string, holder: Holder): void {
    arrayAt(path, "interactions").forEach((interaction, index) => {
      this.scanInteraction(interaction, childPointer(pointer, "interactions", index), holder);
    });
  }

  private scanEnd(end: Record<string, unknown>, pointer: string): void {
    const kind = end.kind;
    const kindPointer = childPointer(pointer, "kind");
    if (kind === undefined) {
      this.report(
        pointer,
        errorAt(
          kindPointer,
          "missing_interaction_kind",
          `The end interaction needs a "kind", one of: ${endKinds.join(", ")}.`,
        ),
      );
    } else if (typeof kind === "string" && regularKinds.includes(kind)) {
      this.report(
        pointer,
        errorAt(
          kindPointer,
          "not_an_end_interaction",
          `${label(kind)} is not an end interaction, so it belongs in "interactions"; "end" takes one of: ${endKinds.join(", ")}.`,
        ),
      );
    } else if (typeof kind !== "string" || !endKinds.includes(kind)) {
      this.report(
        pointer,
        errorAt(
          kindPointer,
          "unknown_interaction_kind",
          `${JSON.stringify(kind)} is not an end interaction kind; "kind" must be one of: ${endKinds.join(", ")}.`,
        ),
      );
    }
  }
}

export function scanInteractionKinds(definition: unknown): InteractionKindScan {
  const scanner = new KindScanner();
  arrayAt(definition, "dialogs").forEach((dialog, index) => {
    scanner.scanDialog(dialog, childPointer("", "dialogs", index));
  });
  return { problems: scanner.problems, reportedPointers: scanner.reportedPointers };
}
