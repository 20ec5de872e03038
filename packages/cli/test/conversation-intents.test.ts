import { type Assistant, createAssistantFromTemplate } from "@parley/model";
import { describe, expect, it } from "vitest";
import { ConversationContext } from "../src/conversation/context-file.ts";
import { ConversationHarness } from "../src/conversation/harness.ts";

/** Premium, so the engine detects intents; it maps contact_human_agent to its Complete Assistant dialog. */
const assistant: Assistant = createAssistantFromTemplate("respond-with-ai");

async function detect(context: Record<string, unknown>, text: string, tried: Assistant = assistant) {
  const harness = new ConversationHarness({ assistant: tried, context: ConversationContext.parse(context) });
  await harness.start();
  const effects = (await harness.send({ type: "customer.text", text })).flatMap((entry) =>
    entry.kind === "effect" ? [entry.effect] : [],
  );
  const detected = effects.find((effect) => effect.type === "intent.detected");
  return {
    detected: detected?.type === "intent.detected" ? detected : null,
    dialogId: harness.state.dialogId,
  };
}

// The first detection trains the predefined intents (about half a second, longer on a busy machine).
describe("intent detection in the conversation harness", { timeout: 60_000 }, () => {
  it("detects the predefined intents without any in the context, and follows the assistant's mapping", async () => {
    const { detected, dialogId } = await detect({}, "Can I talk to a real person please?");
    expect(detected).toMatchObject({ intent: "contact_human_agent", reason: "phrases" });
    expect(detected?.dialogId).toBe("complete-assistant");
    expect(dialogId).toBe("complete-assistant");
    // Detected but not mapped by this assistant: reported, and the flow goes on.
    const refund = await detect({}, "How do I get a refund for my order?");
    expect(refund.detected).toMatchObject({ intent: "get_refund" });
    expect(refund.detected?.dialogId).toBeUndefined();
  });

  it("detects nothing in text that is no customer-support intent", async () => {
    expect((await detect({}, "What is the meaning of life?")).detected).toBeNull();
  });

  it("matches keywords as whole words, ignoring case, punctuation and plurals", async () => {
    const context = {
      predefinedIntents: false,
      intents: [{ intent: "contact_human_agent", keywords: ["agent", "real person"] }],
    };
    expect((await detect(context, "An AGENT, please!")).detected).toMatchObject({
      score: 1,
      reason: "keyword",
    });
    expect((await detect(context, "I want a real-person")).detected?.intent).toBe("contact_human_agent");
    expect((await detect(context, "Do your agents answer at night?")).detected?.intent).toBe(
      "contact_human_agent",
    );
    expect((await detect(context, "We work with agencies")).detected).toBeNull();
  });

  it("reads a plain keyword list in the conversation's language, and keyword lists by language", async () => {
    const plain = {
      language: "es",
      predefinedIntents: false,
      intents: [{ intent: "contact_human_agent", keywords: ["agente"] }],
    };
    expect((await detect(plain, "Quiero hablar con un agente")).detected?.intent).toBe("contact_human_agent");
    const byLanguage = {
      language: "es",
      predefinedIntents: false,
      intents: [{ intent: "contact_human_agent", keywords: { en: ["agent"], es: ["persona"] } }],
    };
    expect((await detect(byLanguage, "una persona, por favor")).detected?.intent).toBe("contact_human_agent");
    expect((await detect(byLanguage, "an agent, please")).detected).toBeNull();
  });

  it("trains custom intents from their phrases, next to the predefined ones", async () => {
    const context = {
      intents: [
        {
          intent: "loyalty_points",
          phrases: [
            "how many points do I have",
            "check my loyalty points balance",
            "what is my reward points total",
            "points balance please",
            "how many loyalty points have I collected",
          ],
        },
      ],
    };
    expect((await detect(context, "how many reward points have I got")).detected).toMatchObject({
      intent: "loyalty_points",
      reason: "phrases",
    });
    expect((await detect(context, "I want to speak to a human")).detected?.intent).toBe(
      "contact_human_agent",
    );
  });

  it("detects nothing for an assistant that maps no intent, as the server does", async () => {
    const unmapped = { ...assistant, intents: [] };
    const { detected, dialogId } = await detect({}, "Can I talk to a real person please?", unmapped);
    expect(detected).toBeNull();
    expect(dialogId).not.toBe("complete-assistant");
  });

  it("runs without intent detection when the context turns the predefined intents off and has none", async () => {
    expect(
      (await detect({ predefinedIntents: false }, "Can I talk to a real person please?")).detected,
    ).toBeNull();
  });

  it("refuses a custom intent with neither keywords nor phrases", () => {
    const result = ConversationContext.safeParse({ intents: [{ intent: "empty" }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("needs keywords, phrases or both");
  });
});
