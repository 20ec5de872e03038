/**
 * Renders one interaction's form as the dialog editor does, inside a real DraftEditorProvider, with
 * the organization's lists already in the query cache: component tests change fields the way an
 * admin would and read the working copy the editor would save.
 */

import { MantineProvider } from "@mantine/core";
import type { Assistant, EndInteraction, Interaction } from "@parley/model";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render } from "@testing-library/react";
import { afterEach, vi } from "vitest";
import type { AssistantDetail } from "../../api/assistants.ts";
import type { Problem } from "../../api/client.ts";
import type { Klass, Named, Snippet } from "../../api/organization-data.ts";
import { meQueryKey, scopes } from "../../session/session.ts";
import { valueAt } from "../definition-pointer.ts";
import { DraftEditorProvider, useDraftEditor } from "../draft-editor.tsx";
import { InteractionForm } from "./interaction-form.tsx";

// jsdom has no layout: Mantine's media queries, size observers and scrolling need stand-ins.
if (typeof window !== "undefined") {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
  window.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  window.HTMLElement.prototype.scrollIntoView ??= () => {};
  if (!("fonts" in document)) {
    Object.defineProperty(document, "fonts", {
      value: { addEventListener: () => {}, removeEventListener: () => {} },
    });
  }
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const standard = (name: string, label: string, type: Klass["attributes"][number]["type"]) => ({
  name,
  label,
  type,
  standard: true,
});

/** The demo organization's Klasses as /v1/klasses lists them, plus a custom attribute or two. */
export const testKlasses: Klass[] = [
  {
    name: "conversation",
    label: "Conversation",
    standard: true,
    attributes: [
      standard("name", "Name", "text"),
      standard("priority", "Priority", "number"),
      standard("brand", "Brand", "choice"),
      standard("tags", "Tags", "list"),
      standard("assignedTeams", "Assigned teams", "list"),
      { name: "plan", label: "Plan", type: "choice", values: ["Basic", "Pro"], standard: false },
      {
        name: "region",
        label: "Region",
        type: "choice",
        values: Array.from({ length: 12 }, (_, index) => `Region ${index + 1}`),
        standard: false,
      },
    ],
  },
  {
    name: "customer",
    label: "Customer",
    standard: true,
    attributes: [
      standard("name", "Name", "text"),
      standard("email", "Email", "text"),
      standard("authenticated", "Authenticated", "boolean"),
    ],
  },
  { name: "company", label: "Company", standard: true, attributes: [standard("name", "Name", "text")] },
  {
    name: "order",
    label: "Order",
    standard: false,
    attributes: [
      { name: "number", label: "Order number", type: "text", standard: false },
      { name: "status", label: "Status", type: "text", standard: false },
    ],
  },
];

export const testTeams: Named[] = [
  { id: "team-cx", name: "CX" },
  { id: "team-sales", name: "Sales" },
  { id: "team-shipping", name: "Shipping" },
];

export const testSnippets: Snippet[] = [{ id: "snippet-1", name: "openingHours", values: { en: "9 to 5" } }];

export function testAssistant(
  interactions: Interaction[],
  end: EndInteraction | null = null,
  overrides: Partial<Assistant> = {},
): Assistant {
  return {
    schemaVersion: 1,
    id: "assistant-1",
    publicId: "assistant-1",
    internalName: "Test assistant",
    description: "",
    publicName: "",
    channel: "chat",
    type: "premium",
    defaultLanguage: "en",
    dialogs: [
      { id: "welcome", name: "Welcome", interactions, end },
      {
        id: "complete",
        name: "Complete Assistant",
        interactions: [],
        end: { id: "to-agent", kind: "transfer", routing: {} },
      },
    ],
    intents: [],
    ...overrides,
  } as Assistant;
}

export interface RenderedInteraction {
  /** The editor's working copy now. */
  definition(): Assistant;
  /** The interaction being edited, as it is in the working copy now. */
  interaction<T = Interaction | EndInteraction>(): T;
  pointer: string;
}

/** The dialog editor's part: the form of one interaction, and a Save Draft button. */
function Harness({ pointer, seen }: { pointer: string; seen: { latest: Assistant } }) {
  const editor = useDraftEditor();
  seen.latest = editor.definition;
  const interaction = valueAt(editor.definition, pointer) as Interaction | EndInteraction;
  return (
    <>
      <InteractionForm
        interaction={interaction}
        pointer={pointer}
        readOnly={editor.readOnlyReason !== null}
        update={(recipe) =>
          editor.update((draft) => {
            recipe(valueAt(draft, pointer) as Interaction | EndInteraction);
          })
        }
      />
      <button type="button" onClick={() => void editor.saveDraft()}>
        Save Draft
      </button>
    </>
  );
}

/**
 * Renders the form of Welcome's first interaction (or its end interaction), with a "Save Draft"
 * button that saves through the real DraftEditorProvider (stub `fetch` to answer it).
 */
export function renderInteractionForm(
  definition: Assistant,
  { at = "interactions", readOnly = false }: { at?: "interactions" | "end"; readOnly?: boolean } = {},
): RenderedInteraction {
  const pointer = at === "end" ? "/dialogs/0/end" : "/dialogs/0/interactions/0";
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } },
  });
  queryClient.setQueryData(meQueryKey, {
    organizationId: "organization-1",
    userId: "user-1",
    user: { id: "user-1", email: "admin@example.test", name: "Admin", role: "admin" },
    scopes: readOnly ? [scopes.read] : [scopes.read, scopes.assistantsWrite],
  });
  queryClient.setQueryData(["organization", "klasses"], testKlasses);
  queryClient.setQueryData(["organization", "teams"], testTeams);
  queryClient.setQueryData(["organization", "brands"], [{ id: "brand-1", name: "Demo Store" }]);
  queryClient.setQueryData(["organization", "snippets"], testSnippets);
  queryClient.setQueryData(
    ["organization", "business-schedules"],
    [{ id: "schedule-1", name: "Support hours" }],
  );
  queryClient.setQueryData(
    ["organization", "knowledge-bases"],
    [{ id: "kb-1", name: "Demo Store Help Center" }],
  );
  queryClient.setQueryData(["organization", "ai-profiles"], [{ id: "profile-1", name: "Friendly" }]);
  const assistant: AssistantDetail = {
    id: "assistant-1",
    publicId: "assistant-1",
    internalName: definition.internalName,
    description: "",
    publicName: "",
    channel: definition.channel,
    type: definition.type,
    status: "draft",
    liveVersion: null,
    draftRevision: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    draft: definition,
  };
  const seen = { latest: definition };
  render(
    <MantineProvider env="test">
      <QueryClientProvider client={queryClient}>
        <DraftEditorProvider assistant={assistant}>
          <Harness pointer={pointer} seen={seen} />
        </DraftEditorProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return {
    pointer,
    definition: () => seen.latest,
    interaction: <T,>() => valueAt(seen.latest, pointer) as T,
  };
}

/** Makes the next Save Draft answer as the server does when it found problems in the definition. */
export function answerSaveWithProblems(definition: Assistant, problems: Problem[]): void {
  vi.stubGlobal("fetch", async (_url: string, init: RequestInit) => {
    const saved = JSON.parse(String(init.body)) as Assistant;
    return new Response(
      JSON.stringify({
        id: "assistant-1",
        publicId: "assistant-1",
        internalName: definition.internalName,
        description: "",
        publicName: "",
        channel: definition.channel,
        type: definition.type,
        status: "draft",
        liveVersion: null,
        draftRevision: 2,
        createdAt: "2026-01-01T00:00:00.000Z",
        updatedAt: "2026-01-01T00:00:00.000Z",
        draft: saved,
        problems,
      }),
      { status: 200, headers: { "content-type": "application/json" } },
    );
  });
}
