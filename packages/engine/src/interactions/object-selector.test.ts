import { describe, expect, it } from "vitest";
import {
  type AssistantSpec,
  Conversation,
  effectOf,
  landing,
  messages,
  oneDialog,
  texts,
} from "../../test/builders.ts";

function orderSelector(rest: AssistantSpec = {}, withImage = true) {
  return oneDialog(
    [
      { id: "ask", kind: "text_question", prompt: "Which order is it about?" },
      {
        id: "orders",
        kind: "object_selector",
        prompt: "Pick your order:",
        klass: "order",
        card: { title: "number", description: "status", ...(withImage ? { image: "picture" } : {}) },
        saveTo: { klass: "conversation", attribute: "orderId" },
        notAuthenticatedRedirect: "login",
        noResultsRedirect: "no-orders",
      },
      { id: "after", kind: "send_message", text: "Order {{conversation.orderId}} it is." },
    ],
    { id: "end", kind: "transfer" },
    { ...rest, dialogs: [landing("login"), landing("no-orders")] },
  );
}

const order = (id: string, number: string, status: string, picture?: string) => ({
  id,
  attributes: { number, status, ...(picture ? { picture } : {}) },
});

function lookingUp(rest: AssistantSpec = {}, withImage = true) {
  const conversation = new Conversation(orderSelector(rest, withImage));
  conversation.start();
  const effects = conversation.say("my shoes");
  return { conversation, effects, requestId: conversation.requestId("objects.lookup") };
}

describe("object selector", () => {
  it("looks up the customer's three most recent objects of the Klass, using their words", () => {
    const { effects } = lookingUp();
    expect(effectOf(effects, "objects.lookup")).toMatchObject({
      klass: "order",
      query: "my shoes",
      limit: 3,
    });
    expect(texts(effects)).toEqual([]);
  });

  it("redirects when the customer is not authenticated", () => {
    const { conversation, requestId } = lookingUp();
    const effects = conversation.send({
      type: "objects.found",
      requestId,
      authenticated: false,
      objects: [],
    });
    expect(texts(effects)).toEqual(["in login"]);
  });

  it("redirects when nothing is found", () => {
    const { conversation, requestId } = lookingUp();
    const effects = conversation.send({ type: "objects.found", requestId, authenticated: true, objects: [] });
    expect(texts(effects)).toEqual(["in no-orders"]);
  });

  it("shows at most three cards, saves the chosen object and goes on", () => {
    const { conversation, requestId } = lookingUp();
    const effects = conversation.send({
      type: "objects.found",
      requestId,
      authenticated: true,
      objects: [
        order("o-1", "#1001", "Shipped", "https://example.com/1.png"),
        order("o-2", "#1002", "Processing"),
        order("o-3", "#1003", "Delivered"),
        order("o-4", "#1004", "Delivered"),
      ],
    });
    expect(messages(effects)).toEqual([
      {
        kind: "cards",
        text: "Pick your order:",
        cards: [
          { id: "o-1", label: "#1001", description: "Shipped", imageUrl: "https://example.com/1.png" },
          { id: "o-2", label: "#1002", description: "Processing" },
          { id: "o-3", label: "#1003", description: "Delivered" },
        ],
      },
    ]);
    const chosen = conversation.choose("o-2");
    expect(conversation.attributes["conversation.orderId"]).toBe("o-2");
    expect(texts(chosen)).toEqual(["Order o-2 it is."]);
  });

  it("takes a card by its number or its title, and asks again for anything else", () => {
    const { conversation, requestId } = lookingUp({}, false);
    conversation.send({
      type: "objects.found",
      requestId,
      authenticated: true,
      objects: [order("o-1", "Blue shoes", "Shipped"), order("o-2", "Red hat", "Processing")],
    });
    expect(texts(conversation.choose("o-9"))).toEqual(["Please choose one of the options."]);
    expect(texts(conversation.say("red hat"))).toEqual(["Order o-2 it is."]);

    const again = lookingUp({}, false);
    again.conversation.send({
      type: "objects.found",
      requestId: again.requestId,
      authenticated: true,
      objects: [order("o-1", "Blue shoes", "Shipped")],
    });
    expect(texts(again.conversation.say("1"))).toEqual(["Order o-1 it is."]);
  });

  it("uses the object id when the title attribute is empty", () => {
    const { conversation, requestId } = lookingUp();
    const effects = conversation.send({
      type: "objects.found",
      requestId,
      authenticated: true,
      objects: [{ id: "o-7", attributes: { status: "Lost" } }],
    });
    expect(messages(effects)[0]).toMatchObject({ cards: [{ id: "o-7", label: "o-7", description: "Lost" }] });
  });

  it("ignores results for another request and customer messages while looking up", () => {
    const { conversation, requestId } = lookingUp();
    expect(
      conversation.send({ type: "objects.found", requestId: "r999", authenticated: false, objects: [] }),
    ).toEqual([]);
    expect(conversation.say("hello?")).toEqual([]);
    const effects = conversation.send({ type: "objects.found", requestId, authenticated: true, objects: [] });
    expect(texts(effects)).toEqual(["in no-orders"]);
  });

  it("hands over to an agent when the lookup fails", () => {
    const { conversation, requestId } = lookingUp();
    const effects = conversation.send({ type: "effect.failed", requestId, error: "timeout" });
    expect(conversation.status).toBe("transferred");
    expect(effectOf(effects, "conversation.transfer").reason).toContain("timeout");
  });

  it("sends cards on WhatsApp too", () => {
    const { conversation, requestId } = lookingUp({ channel: "whatsapp" });
    const effects = conversation.send({
      type: "objects.found",
      requestId,
      authenticated: true,
      objects: [order("o-1", "#1001", "Shipped")],
    });
    expect(messages(effects)[0]?.kind).toBe("cards");
  });

  it("shows the same cards again when the reminder fires", () => {
    const { conversation, requestId } = lookingUp();
    const shown = messages(
      conversation.send({
        type: "objects.found",
        requestId,
        authenticated: true,
        objects: [
          order("o-1", "A-1", "Shipped", "https://img.example.com/1.png"),
          order("o-2", "A-2", "Packed"),
        ],
      }),
    );
    expect(messages(conversation.fire("reminder"))[1]).toEqual(shown[0]);
    expect(texts(conversation.choose("o-2"))).toEqual(["Order o-2 it is."]);
  });
});
