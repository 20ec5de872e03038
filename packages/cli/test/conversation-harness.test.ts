import { Assistant, createAssistantFromTemplate, validateAssistant } from "@parley/model";
import { describe, expect, it } from "vitest";
import { ConversationContext } from "../src/conversation/context-file.ts";
import { ConversationHarness, type HarnessEntry } from "../src/conversation/harness.ts";

const minute = 60_000;
const tenOClock = Date.parse("2026-03-02T10:00:00Z");

/** A premium chat assistant that exercises every effect the harness answers from the context. */
const orders = Assistant.parse({
  schemaVersion: 1,
  id: "orders",
  publicId: "orders-public",
  internalName: "Orders",
  channel: "chat",
  type: "premium",
  dialogs: [
    {
      id: "welcome",
      name: "Welcome",
      interactions: [
        {
          id: "order-status",
          kind: "run_workflow",
          workflowId: "order-status",
          inputs: { orderId: "{{conversation.orderId}}" },
          outputs: [{ output: "status", saveTo: { klass: "conversation", attribute: "orderStatus" } }],
        },
        {
          id: "status-message",
          kind: "send_message",
          text: "Order {{conversation.orderId}} is {{conversation.orderStatus}}.",
        },
      ],
      end: { id: "welcome-redirect", kind: "redirect", dialogId: "search" },
    },
    {
      id: "search",
      name: "Search",
      interactions: [],
      end: {
        id: "search-articles",
        kind: "article_deflection",
        knowledgeBaseId: "default",
        maxArticles: 2,
        redirects: { helped: "pick", notHelped: "complete-assistant", noArticles: "complete-assistant" },
      },
    },
    {
      id: "pick",
      name: "Pick",
      interactions: [
        {
          id: "pick-order",
          kind: "object_selector",
          prompt: "Which order?",
          klass: "order",
          card: { title: "number", description: "status" },
          saveTo: { klass: "conversation", attribute: "chosenOrder" },
          notAuthenticatedRedirect: "complete-assistant",
          noResultsRedirect: "complete-assistant",
        },
      ],
      end: { id: "pick-transfer", kind: "transfer" },
    },
    {
      id: "complete-assistant",
      name: "Complete Assistant",
      interactions: [],
      end: { id: "transfer", kind: "transfer" },
    },
  ],
});

function context(input: Record<string, unknown> = {}): ConversationContext {
  return ConversationContext.parse({
    now: "2026-03-02T10:00:00Z",
    attributes: { conversation: { orderId: "A-1" } },
    workflows: { "order-status": { output: { status: "shipped" } } },
    articles: [
      {
        id: "body",
        title: "Shipping times",
        url: "https://help.example.com/shipping",
        body: "Reset a password here.",
      },
      { id: "title", title: "Reset your password", url: "https://help.example.com/password" },
      { id: "none", title: "Refunds", url: "https://help.example.com/refunds" },
    ],
    objects: {
      authenticated: true,
      order: [
        { id: "o-1", attributes: { number: "A-1", status: "shipped" } },
        { id: "o-2", attributes: { number: "A-2", status: "packed" } },
      ],
    },
    ...input,
  });
}

function effectsOf(entries: readonly HarnessEntry[]) {
  return entries.flatMap((entry) => (entry.kind === "effect" ? [entry.effect] : []));
}

function texts(entries: readonly HarnessEntry[]): string[] {
  return effectsOf(entries).flatMap((effect) =>
    effect.type === "message.send" && "text" in effect.message ? [effect.message.text] : [],
  );
}

describe("the conversation harness", () => {
  it("uses an assistant that validates", () => {
    expect(validateAssistant(orders).problems.filter((problem) => problem.severity === "error")).toEqual([]);
  });

  it("answers a workflow call with the context's output and keeps what the assistant saved", async () => {
    const harness = new ConversationHarness({ assistant: orders, context: context() });
    const entries = await harness.start();
    expect(entries.find((entry) => entry.kind === "result")).toEqual({
      kind: "result",
      event: { type: "workflow.completed", requestId: "r1", output: { status: "shipped" } },
    });
    expect(texts(entries)).toContain("Order A-1 is shipped.");
    expect(harness.context.attributes.conversation).toEqual({ orderId: "A-1", orderStatus: "shipped" });
    expect(harness.state.waiting?.for).toBe("text");
  });

  it("fails the effect when the context says the workflow fails or does not know it", async () => {
    for (const workflows of [{ "order-status": { error: "timed out" } }, {}]) {
      const harness = new ConversationHarness({ assistant: orders, context: context({ workflows }) });
      const entries = await harness.start();
      const failed = entries.find((entry) => entry.kind === "result");
      expect(failed?.kind === "result" && failed.event.type).toBe("effect.failed");
      expect(harness.state.status).toBe("transferred");
    }
  });

  it("finds articles that share words with the question, best first and limited", async () => {
    const harness = new ConversationHarness({ assistant: orders, context: context() });
    await harness.start();
    const entries = await harness.send({ type: "customer.text", text: "How do I reset my PASSWORD?" });
    const articles = effectsOf(entries).find(
      (effect) => effect.type === "message.send" && effect.message.kind === "articles",
    );
    expect(
      articles?.type === "message.send" && articles.message.kind === "articles" && articles.message.articles,
    ).toEqual([
      { id: "title", title: "Reset your password", url: "https://help.example.com/password" },
      {
        id: "body",
        title: "Shipping times",
        url: "https://help.example.com/shipping",
        snippet: "Reset a password here.",
      },
    ]);
    expect(harness.offeredOptions?.options.map((option) => option.label)).toEqual([
      "That helped",
      "I still need help",
    ]);
  });

  it("offers the customer's objects as cards and saves the chosen one", async () => {
    const harness = new ConversationHarness({ assistant: orders, context: context() });
    await harness.start();
    await harness.send({ type: "customer.text", text: "reset password" });
    await harness.send({ type: "customer.choice", optionId: "helped" });
    expect(harness.offeredOptions).toEqual({
      kind: "buttons",
      options: [
        { id: "o-1", label: "A-1" },
        { id: "o-2", label: "A-2" },
      ],
    });
    await harness.send({ type: "customer.choice", optionId: "o-2" });
    expect(harness.state.attributes["conversation.chosenOrder"]).toBe("o-2");
    expect(harness.state.status).toBe("transferred");
  });

  it("fires due timers in time order, each at its own time, including timers set by a firing", async () => {
    const tutorial = createAssistantFromTemplate("tutorial", { type: "premium" });
    tutorial.settings.volumeControl.agentMissed.enabled = true;
    tutorial.settings.volumeControl.agentMissed.markDoneIfNoChoice = true;
    const harness = new ConversationHarness({ assistant: tutorial, context: context() });
    await harness.start();
    await harness.send({ type: "customer.text", text: "Alice" });
    await harness.send({ type: "customer.text", text: "2" });
    expect(await harness.advanceClock(4 * minute)).toEqual([]);
    const entries = await harness.advanceClock(30 * minute);
    const fired = entries.flatMap((entry) =>
      entry.kind === "timer" ? [[entry.timer.name, entry.timer.at]] : [],
    );
    // No agent replied: the missed timer fires and sets the 30-second timer for choosing a follow-up channel.
    expect(fired).toEqual([
      ["missed", tenOClock + 10 * minute],
      ["choice_timeout", tenOClock + 10 * minute + 30_000],
    ]);
    expect(harness.now).toBe(tenOClock + 34 * minute);
    expect(harness.state.status).toBe("missed");
  });

  it("starts the clock at the real time when the context has none", () => {
    const harness = new ConversationHarness({
      assistant: orders,
      context: context({ now: undefined }),
      realTime: 42,
    });
    expect(harness.now).toBe(42);
  });
});
