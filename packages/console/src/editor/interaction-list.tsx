import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { Stack, Text, VisuallyHidden } from "@mantine/core";
import type { Assistant, Interaction, InteractionKind } from "@parley/model";
import { useMemo, useState } from "react";
import { strings } from "../strings/index.ts";
import { valueAt } from "./definition-pointer.ts";
import { InteractionCard } from "./dialogs/interaction-card.tsx";
import { KindMenu, useOrganizationChoices } from "./dialogs/kind-menu.tsx";
import { useListChanges } from "./dialogs/list-changes.ts";
import { newInteraction } from "./dialogs/new-interaction.ts";
import { useDraftEditor } from "./draft-editor.tsx";
import { availableKinds, type InteractionPosition, interactionLabel } from "./interaction-catalog.ts";

const text = strings.editor.interactionList;

/** The contract between the dialog editor and the interaction forms; see the dialog workspace's own work. */
export interface InteractionListProps {
  /** JSON pointer of the array in the definition: `/dialogs/0/interactions`, or a branch's or schedule path's. */
  pointer: string;
  interactions: readonly Interaction[];
  /** True inside a branch or schedule path, where the list is part of another interaction's form. */
  nested?: boolean;
}

/** Where a list sits, from its pointer: business schedule paths allow fewer kinds (spec 04). */
function positionOf(pointer: string, nested: boolean): InteractionPosition {
  if (!nested) return "dialog";
  return /\/(duringHours|outsideHours)\/interactions$/.test(pointer)
    ? "business_schedule"
    : "conditional_branch";
}

function dialogIdOf(definition: Assistant, pointer: string): string {
  const index = Number(/^\/dialogs\/(\d+)/.exec(pointer)?.[1] ?? 0);
  return definition.dialogs[index]?.id ?? "dialog";
}

/** Ids that repeat (an invalid definition) still need distinct keys for React and dnd-kit. */
function sortKeysOf(interactions: readonly Interaction[]): string[] {
  const seen = new Map<string, number>();
  return interactions.map((interaction) => {
    const count = seen.get(interaction.id) ?? 0;
    seen.set(interaction.id, count + 1);
    return count === 0 ? interaction.id : `${interaction.id}~${count}`;
  });
}

/**
 * Interactions without redirects, in the order they run (spec 04): each a card with its form,
 * reordered by drag and drop (mouse or keyboard) or the move buttons, deleted with an undo.
 */
export function InteractionList({ pointer, interactions, nested = false }: InteractionListProps) {
  const editor = useDraftEditor();
  const editable = editor.readOnlyReason === null;
  const changes = useListChanges(pointer);
  const [announcement, setAnnouncement] = useState("");
  const sortKeys = useMemo(() => sortKeysOf(interactions), [interactions]);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const labelOfKey = (key: string | number) => {
    const index = sortKeys.indexOf(String(key));
    return interactionLabel(interactions[index]?.kind ?? "");
  };
  const move = (from: number, to: number, focusAction?: "up" | "down") => {
    if (to < 0 || to >= interactions.length || from === to) return;
    changes.move(from, to, sortKeys[from] ?? "", focusAction);
    setAnnouncement(
      text.moved(interactionLabel(interactions[from]?.kind ?? ""), to + 1, interactions.length),
    );
  };
  const dragEnd = (event: DragEndEvent) => {
    if (!event.over) return;
    move(sortKeys.indexOf(String(event.active.id)), sortKeys.indexOf(String(event.over.id)));
  };
  const problemsOfCard = (cardPointer: string) =>
    editor.problems.filter((problem) =>
      [cardPointer, `${cardPointer}/id`, `${cardPointer}/kind`].includes(problem.path),
    );

  return (
    <Stack gap="sm">
      {interactions.length === 0 && (
        <Text size="sm" c="dimmed">
          {nested ? text.emptyNested : text.empty}
        </Text>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={dragEnd}
        accessibility={{
          announcements: {
            onDragStart: ({ active }) => text.dragStart(labelOfKey(active.id)),
            onDragOver: ({ active, over }) =>
              over ? text.dragOver(labelOfKey(active.id), sortKeys.indexOf(String(over.id)) + 1) : undefined,
            onDragEnd: ({ active, over }) =>
              over
                ? text.moved(
                    labelOfKey(active.id),
                    sortKeys.indexOf(String(over.id)) + 1,
                    interactions.length,
                  )
                : undefined,
            onDragCancel: ({ active }) => text.dragCancel(labelOfKey(active.id)),
          },
        }}
      >
        <SortableContext items={sortKeys} strategy={verticalListSortingStrategy}>
          {interactions.map((interaction, index) => {
            const cardPointer = `${pointer}/${index}`;
            return (
              <InteractionCard
                key={sortKeys[index]}
                sortKey={sortKeys[index] ?? String(index)}
                interaction={interaction}
                pointer={cardPointer}
                index={index}
                total={interactions.length}
                editable={editable}
                readOnly={!editable}
                problems={problemsOfCard(cardPointer)}
                onMove={(from, to) => move(from, to, to < from ? "up" : "down")}
                onRemove={(at) => changes.remove(at, interactionLabel(interaction.kind))}
              />
            );
          })}
        </SortableContext>
      </DndContext>
      {editable && <AddInteraction pointer={pointer} nested={nested} onAdd={changes.append} />}
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
    </Stack>
  );
}

function AddInteraction({
  pointer,
  nested,
  onAdd,
}: {
  pointer: string;
  nested: boolean;
  onAdd(interaction: Interaction): void;
}) {
  const { definition } = useDraftEditor();
  const organization = useOrganizationChoices();
  const kinds = availableKinds(definition.channel, definition.type, {
    end: false,
    position: positionOf(pointer, nested),
  });
  const add = (kind: string) => {
    // The list as it is now: its dialog's id names the new interaction.
    if (!Array.isArray(valueAt(definition, pointer))) return;
    const context = { definition, dialogId: dialogIdOf(definition, pointer), organization };
    onAdd(newInteraction(kind as InteractionKind, context));
  };
  return (
    <div>
      <KindMenu
        label={text.addInteraction}
        kinds={kinds}
        onSelect={add}
        variant={nested ? "subtle" : "light"}
        size={nested ? "xs" : "sm"}
      />
    </div>
  );
}
