import { describe, expect, it } from "vitest";
import { Conversation, effectOf, effectsOf, oneDialog, texts } from "../../test/builders.ts";

function trackingAssistant() {
  return oneDialog(
    [
      {
        id: "number",
        kind: "text_question",
        prompt: "What is your order number?",
        saveTo: { klass: "conversation", attribute: "orderNumber" },
      },
      {
        id: "lookup",
        kind: "run_workflow",
        workflowId: "wf-track-order",
        inputs: {
          order: "{{conversation.orderNumber}}",
          email: "{{customer.email}}",
          note: "Asked by {{customer.name}} on {{session.currentPage}}",
          fixed: "web",
        },
        outputs: [
          { output: "status", saveTo: { klass: "conversation", attribute: "orderStatus" } },
          { output: "eta", saveTo: { klass: "conversation", attribute: "orderEta" } },
        ],
      },
      { id: "tell", kind: "send_message", text: "Your order is {{conversation.orderStatus}}." },
    ],
    { id: "end", kind: "transfer" },
  );
}

function calling() {
  const conversation = new Conversation(trackingAssistant(), {
    attributes: { customer: { email: "ada@example.com", name: "Ada" } },
  });
  conversation.start();
  const effects = conversation.say("A-42");
  return { conversation, effects, requestId: conversation.requestId("workflow.call") };
}

describe("run workflow", () => {
  it("calls the workflow with inputs rendered from templates", () => {
    const { effects } = calling();
    expect(effectOf(effects, "workflow.call")).toMatchObject({
      workflowId: "wf-track-order",
      inputs: { order: "A-42", email: "ada@example.com", note: "Asked by Ada on ", fixed: "web" },
    });
    expect(texts(effects)).toEqual([]);
  });

  it("does not remind the customer while the workflow runs", () => {
    const { conversation } = calling();
    expect(conversation.timers.has("reminder")).toBe(false);
  });

  it("saves the outputs it maps, skips missing ones and goes on", () => {
    const { conversation, requestId } = calling();
    const effects = conversation.send({
      type: "workflow.completed",
      requestId,
      output: { status: "shipped", carrier: "UPS" },
    });
    expect(effectsOf(effects, "attribute.set")).toEqual([
      { type: "attribute.set", klass: "conversation", attribute: "orderStatus", value: "shipped" },
    ]);
    expect(texts(effects)).toEqual(["Your order is shipped."]);
    expect(conversation.status).toBe("transferred");
  });

  it("keeps outputs that are not text", () => {
    const { conversation, requestId } = calling();
    conversation.send({ type: "workflow.completed", requestId, output: { status: "late", eta: 3 } });
    expect(conversation.attributes["conversation.orderEta"]).toBe(3);
  });

  it("ignores a result for another request, and customer messages while it runs", () => {
    const { conversation, requestId } = calling();
    expect(
      conversation.send({ type: "workflow.completed", requestId: "stale-1", output: { status: "lost" } }),
    ).toEqual([]);
    expect(conversation.say("any news?")).toEqual([]);
    const effects = conversation.send({
      type: "workflow.completed",
      requestId,
      output: { status: "shipped" },
    });
    expect(texts(effects)).toEqual(["Your order is shipped."]);
  });

  it("ignores a second result for the same request once it went on", () => {
    const { conversation, requestId } = calling();
    conversation.send({ type: "workflow.completed", requestId, output: { status: "shipped" } });
    expect(conversation.send({ type: "workflow.completed", requestId, output: { status: "lost" } })).toEqual(
      [],
    );
  });

  it("hands the customer to an agent when the workflow fails", () => {
    const { conversation, requestId } = calling();
    const effects = conversation.send({ type: "effect.failed", requestId, error: "workflow returned 500" });
    expect(texts(effects)).toEqual(["Let me connect you with someone from our team."]);
    expect(conversation.status).toBe("transferred");
    const transfer = effectOf(effects, "conversation.transfer");
    expect(transfer.reason).toContain("workflow returned 500");
    expect(transfer.collected).toEqual({ "conversation.orderNumber": "A-42" });
  });

  it("ignores a failure of another request", () => {
    const { conversation } = calling();
    expect(conversation.send({ type: "effect.failed", requestId: "stale-1", error: "boom" })).toEqual([]);
    expect(conversation.status).toBe("running");
  });
});
