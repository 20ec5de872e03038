/**
 * One customer texting the business through Twilio: a first message, their name, then a number
 * from the team menu, each sent only once the assistant's answer to the previous one has reached
 * Twilio (what the customer's phone would show next). The stand-in signs each webhook as Twilio
 * does; the replies come back as the stand-in receives Parley's REST calls.
 */
import type { TwilioProvider } from "../../packages/server/test/providers/twilio-provider.ts";

/** One of the customer's messages, from its webhook POST to the last reply it asked for. */
export interface MessageTiming {
  step: number;
  /** performance.now() just before the webhook POST. */
  postedAt: number;
  /** The webhook's answer to Twilio (TwiML), from just before the POST. */
  answerMilliseconds: number;
  /** To each reply Twilio received for it, in order. */
  sendMilliseconds: number[];
  /** performance.now() when the turn's last reply reached Twilio. */
  repliedAt: number;
}

interface Step {
  body: string;
  /** The reply that ends the turn: what the customer answers next. */
  last: (text: string) => boolean;
}

const names = ["Ana", "Ben", "Chloé", "Dmitri", "Esra", "Farid", "Grace", "Hiro"];
const replyTimeoutMilliseconds = 30_000;

function stepsFor(index: number): Step[] {
  const name = names[index % names.length] ?? "Ana";
  const team = String(1 + Math.floor(Math.random() * 4));
  return [
    { body: "Hi there", last: (text) => text === "First, what's your name?" },
    { body: name, last: (text) => text.includes("Reply with a number") },
    { body: team, last: (text) => text.startsWith(`Thanks, ${name}!`) },
  ];
}

export class SmsCustomer {
  readonly number: string;
  private readonly steps: Step[];
  private waiting: { step: Step; sent: number[]; done: (at: number) => void } | null = null;
  private postedAt = 0;

  constructor(index: number) {
    // Fictional numbers (555), one per customer so each has their own conversation.
    this.number = `+1555${String(2_000_000 + index).padStart(7, "0")}`;
    this.steps = stepsFor(index);
  }

  /** Called for every message Twilio receives for this customer, when it arrives. */
  receive(text: string, arrivedAt: number): void {
    const waiting = this.waiting;
    if (!waiting) return;
    waiting.sent.push(arrivedAt - this.postedAt);
    if (waiting.step.last(text)) {
      this.waiting = null;
      waiting.done(arrivedAt);
    }
  }

  /** Sends every step in turn; rejects at the first failed webhook or missing reply. */
  async converse(
    twilio: TwilioProvider,
    webhookUrl: string,
    business: string,
    record: (timing: MessageTiming) => void,
  ): Promise<void> {
    for (const [index, step] of this.steps.entries()) {
      const sent: number[] = [];
      let timeout: NodeJS.Timeout | undefined;
      const replied = new Promise<number>((resolve, reject) => {
        this.waiting = { step, sent, done: resolve };
        timeout = setTimeout(
          () =>
            reject(new Error(`no reply to message ${index + 1} within ${replyTimeoutMilliseconds / 1000} s`)),
          replyTimeoutMilliseconds,
        );
      });
      // A failed POST must not leave the timeout's rejection unhandled.
      replied.catch(() => {});
      this.postedAt = performance.now();
      try {
        const answer = await twilio.sendInbound(webhookUrl, {
          from: this.number,
          to: business,
          body: step.body,
        });
        const answerMilliseconds = performance.now() - this.postedAt;
        if (answer.status !== 200) throw new Error(`the webhook answered ${answer.status}`);
        const repliedAt = await replied;
        record({
          step: index + 1,
          postedAt: this.postedAt,
          answerMilliseconds,
          sendMilliseconds: sent,
          repliedAt,
        });
      } finally {
        clearTimeout(timeout);
        this.waiting = null;
      }
    }
  }
}
