/**
 * A customer or an agent wrote to a conversation that has ended. A domain error, not an HTTP
 * one: web chat and the agents' API answer it with 409, a messaging channel starts a new
 * conversation for the customer's next message instead.
 */
export class ConversationEnded extends Error {
  override name = "ConversationEnded";
  readonly conversationId: string;
  readonly writer: "customer" | "agent";

  constructor(conversationId: string, writer: "customer" | "agent") {
    super(
      writer === "customer"
        ? `Conversation ${conversationId} has ended; start a new one.`
        : `Conversation ${conversationId} has ended.`,
    );
    this.conversationId = conversationId;
    this.writer = writer;
  }
}
