import type { Channel } from "@parley/model";
import { startMessagebirdProvider } from "./messagebird-provider.ts";
import { startMetaProvider } from "./meta-provider.ts";
import { startTwilioProvider } from "./twilio-provider.ts";

/**
 * One provider's local stand-in behind the same few verbs, so a test can run one customer
 * journey against every provider: what the customer sends, and what Parley sent them, as text.
 */
export interface ProviderDriver {
  provider: "twilio" | "meta" | "messagebird";
  channel: Channel;
  /** The body of `POST /v1/channel-connections`, pointing at the stand-in. */
  connection: Record<string, unknown>;
  /** What a rule names to pick an assistant for this number (spec 06). */
  ruleTarget: { phoneNumber: string } | { whatsappId: string };
  /** Posts the customer's text to Parley's webhook, signed; answers the HTTP status. */
  send(webhookUrl: string, from: string, text: string): Promise<number>;
  /** Everything Parley has sent so far, as the customer reads it. */
  sentTexts(): string[];
  waitForMessages(count: number, timeoutMilliseconds?: number): Promise<string[]>;
  /** The next `count` sends are never answered. */
  hangNext(count: number): void;
  close(): Promise<void>;
}

export const driverNames = ["twilio", "meta", "messagebird"] as const;

export async function startDriver(name: (typeof driverNames)[number]): Promise<ProviderDriver> {
  if (name === "twilio") {
    const accountSid = `AC${"3".repeat(32)}`;
    const authToken = "twilio-token-for-every-provider";
    const address = "+15550003333";
    const twilio = await startTwilioProvider({ accountSid, authToken });
    return {
      provider: "twilio",
      channel: "sms",
      connection: {
        provider: "twilio",
        kind: "sms",
        address,
        credentials: { accountSid, authToken },
        apiBaseUrl: twilio.url,
      },
      ruleTarget: { phoneNumber: address },
      send: async (webhookUrl, from, text) =>
        (await twilio.sendInbound(webhookUrl, { from, to: address, body: text })).status,
      sentTexts: () => twilio.sent.map((message) => message.body),
      waitForMessages: async (count, timeout) =>
        (await twilio.waitForMessages(count, timeout)).map((message) => message.body),
      hangNext: (count) => twilio.hangNext(count),
      close: () => twilio.close(),
    };
  }
  if (name === "meta") {
    const phoneNumberId = "109876543210123";
    const accessToken = "EAAJ-token-for-every-provider";
    const appSecret = "meta-secret-for-every-provider";
    const meta = await startMetaProvider({ phoneNumberId, accessToken, appSecret });
    const text = (message: { text: string | null }) => message.text ?? "";
    return {
      provider: "meta",
      channel: "whatsapp",
      connection: {
        provider: "meta",
        kind: "whatsapp",
        address: phoneNumberId,
        credentials: { accessToken, appSecret, verifyToken: "verify-every-provider" },
        apiBaseUrl: meta.url,
      },
      ruleTarget: { whatsappId: phoneNumberId },
      send: async (webhookUrl, from, body) =>
        (await meta.sendInbound(webhookUrl, { from, type: "text", text: body })).status,
      sentTexts: () => meta.sent.map(text),
      waitForMessages: async (count, timeout) => (await meta.waitForMessages(count, timeout)).map(text),
      hangNext: (count) => meta.hangNext(count),
      close: () => meta.close(),
    };
  }
  const channelId = "0f3a9c2e5b7d4e1f8a6c3b2d1e0f9a8b";
  const accessKey = "messagebird-key-for-every-provider";
  const signingKey = "messagebird-signing-for-every-provider";
  const messagebird = await startMessagebirdProvider({ channelId, accessKey, signingKey });
  return {
    provider: "messagebird",
    channel: "messagebird_whatsapp",
    connection: {
      provider: "messagebird",
      kind: "whatsapp",
      address: channelId,
      credentials: { accessKey, signingKey },
      apiBaseUrl: messagebird.url,
    },
    ruleTarget: { whatsappId: channelId },
    send: async (webhookUrl, from, text) =>
      (await messagebird.sendInbound(webhookUrl, { from, text })).status,
    sentTexts: () => messagebird.sent.map((message) => message.text ?? ""),
    waitForMessages: async (count, timeout) =>
      (await messagebird.waitForMessages(count, timeout)).map((message) => message.text ?? ""),
    hangNext: (count) => messagebird.hangNext(count),
    close: () => messagebird.close(),
  };
}
