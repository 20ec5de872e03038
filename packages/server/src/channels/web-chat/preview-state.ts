import type { Assistant, EndInteraction, Interaction } from "@parley/model";
import { z } from "zod";
import { type ConversationRow, findConversation } from "../../conversations/conversation-store.ts";
import type { Database } from "../../database/connection.ts";
import { notFound } from "../../http/errors.ts";

export const PreviewState = z
  .object({
    conversationId: z.string(),
    status: z.enum(["open", "transferred", "ended"]),
    assistantStatus: z.string().nullable(),
    dialog: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .describe("The dialog the assistant is in; null before it starts and once it is done"),
    waiting: z
      .object({
        for: z.string(),
        interactionId: z.string().nullable(),
        interactionKind: z.string().nullable(),
      })
      .nullable()
      .describe("What the assistant waits for: the customer's text, a choice, a workflow's result…"),
    attributes: z.object({
      conversation: z.record(z.string(), z.unknown()),
      customer: z.record(z.string(), z.unknown()),
    }),
    lastSequence: z.number().int(),
  })
  .meta({ id: "PreviewState" });

type AnyInteraction = Interaction | EndInteraction;

// TODO(model registry): replace with the model's interaction walker once it is on main.
function findInteraction(interactions: readonly AnyInteraction[], id: string): AnyInteraction | null {
  for (const interaction of interactions) {
    if (interaction.id === id) return interaction;
    const nested =
      interaction.kind === "conditional_branch"
        ? [...interaction.branches, ...(interaction.otherwise ? [interaction.otherwise] : [])]
        : interaction.kind === "business_schedule"
          ? [interaction.duringHours, interaction.outsideHours]
          : [];
    for (const path of nested) {
      const found = findInteraction(path.interactions, id);
      if (found) return found;
    }
  }
  return null;
}

function interactionKind(definition: Assistant | null, id: string | undefined): string | null {
  if (!definition || id === undefined) return null;
  for (const dialog of definition.dialogs) {
    const found = findInteraction([...dialog.interactions, ...(dialog.end ? [dialog.end] : [])], id);
    if (found) return found.kind;
  }
  return null;
}

/** A preview conversation of this assistant in the caller's organization; any other id is a 404. */
export async function previewConversation(
  database: Database,
  organizationId: string,
  assistantId: string,
  conversationId: string,
): Promise<ConversationRow> {
  const row = await findConversation(database, conversationId, organizationId);
  if (!row?.preview || row.assistantId !== assistantId) {
    throw notFound("Preview conversation", conversationId);
  }
  return row;
}

/** What the preview's side panel shows: where the assistant is, and what it has collected. */
export function previewStateOf(row: ConversationRow): z.infer<typeof PreviewState> {
  const definition = row.previewDefinition ?? null;
  const state = row.state;
  const running = state?.status === "running";
  const dialog =
    running && state.dialogId ? definition?.dialogs.find((each) => each.id === state.dialogId) : null;
  const waiting = running ? (state.waiting ?? null) : null;
  return {
    conversationId: row.id,
    status: row.status,
    assistantStatus: row.assistantStatus,
    dialog: dialog ? { id: dialog.id, name: dialog.name } : null,
    waiting: waiting
      ? {
          for: waiting.for,
          interactionId: waiting.interactionId ?? null,
          interactionKind: interactionKind(definition, waiting.interactionId),
        }
      : null,
    attributes: { conversation: row.attributes, customer: row.customerAttributes },
    lastSequence: row.lastSequence,
  };
}
