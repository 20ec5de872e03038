/**
 * The messaging load: N customers text the business at once (or at most `concurrency` at a
 * time), each going through the SMS tutorial in a closed loop. Everything from the first webhook
 * POST to the last reply reaching the Twilio stand-in is measured.
 */
import type {
  SentTwilioMessage,
  TwilioProvider,
} from "../../packages/server/test/providers/twilio-provider.ts";
import type { LoopDelay } from "../chat/event-loop-delay.ts";
import { busyShare, cpuTimes } from "../chat/machine-load.ts";
import type { ServerProcess } from "../chat/server-process.ts";
import type { ChannelsServer } from "./setup.ts";
import { type MessageTiming, SmsCustomer } from "./sms-customer.ts";

export interface ChannelPlan {
  customers: number;
  /** Customers who go through the tutorial first, one after another, unmeasured: a cold server compiles its code paths. */
  warmup: number;
  /** Customers in conversation at once; the next starts when one finishes. */
  concurrency: number;
}

export interface ChannelResult {
  plan: ChannelPlan;
  seconds: number;
  timings: MessageTiming[];
  /** Messages Twilio received from Parley. */
  sent: number;
  errors: Map<string, number>;
  serverRss: { before: number; end: number };
  /** Shares of one core over the run. */
  serverCpu: number;
  databaseCpu: number | null;
  generatorCpu: number;
  machineBusy: number;
  serverLoop: LoopDelay;
}

/**
 * Calls `onSent` as each message reaches the stand-in. The stand-in only keeps a list and wakes
 * waiters by count; watching the list's pushes gives each message's arrival time and customer
 * without changing the test fixture.
 */
function watchSent(twilio: TwilioProvider, onSent: (message: SentTwilioMessage, at: number) => void) {
  const list = twilio.sent;
  const push = list.push.bind(list);
  list.push = (...messages: SentTwilioMessage[]) => {
    const at = performance.now();
    for (const message of messages) onSent(message, at);
    return push(...messages);
  };
}

export async function runChannelLoad(
  server: ServerProcess<ChannelsServer>,
  twilio: TwilioProvider,
  target: { webhookUrl: string; business: string },
  plan: ChannelPlan,
  databaseCpuSeconds: (() => Promise<number>) | null,
): Promise<ChannelResult> {
  const warming = Array.from({ length: plan.warmup }, (_, index) => new SmsCustomer(index));
  const customers = Array.from(
    { length: plan.customers },
    (_, index) => new SmsCustomer(plan.warmup + index),
  );
  const byNumber = new Map([...warming, ...customers].map((customer) => [customer.number, customer]));
  let sent = 0;
  watchSent(twilio, (message, at) => {
    sent += 1;
    byNumber.get(message.to)?.receive(message.body, at);
  });
  for (const customer of warming) {
    await customer.converse(twilio, target.webhookUrl, target.business, () => {});
  }
  const sentBefore = sent;
  const timings: MessageTiming[] = [];
  const errors = new Map<string, number>();

  const rssBefore = server.memory().rss;
  const serverCpu = server.cpuSeconds();
  const databaseCpu = await databaseCpuSeconds?.();
  const generatorCpu = process.cpuUsage();
  const machine = cpuTimes();
  await server.request({ type: "event-loop-delay" });
  const started = performance.now();

  let next = 0;
  const lanes = Array.from({ length: Math.min(plan.concurrency, customers.length) }, async () => {
    while (next < customers.length) {
      const customer = customers[next] as SmsCustomer;
      next += 1;
      try {
        await customer.converse(twilio, target.webhookUrl, target.business, (timing) => timings.push(timing));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        errors.set(reason, (errors.get(reason) ?? 0) + 1);
      }
    }
  });
  await Promise.all(lanes);

  const seconds = (performance.now() - started) / 1000;
  const generator = process.cpuUsage(generatorCpu);
  return {
    plan,
    seconds,
    timings,
    sent: sent - sentBefore,
    errors,
    serverRss: { before: rssBefore, end: server.memory().rss },
    serverCpu: (server.cpuSeconds() - serverCpu) / seconds,
    databaseCpu:
      databaseCpuSeconds && databaseCpu !== undefined
        ? ((await databaseCpuSeconds()) - databaseCpu) / seconds
        : null,
    generatorCpu: (generator.user + generator.system) / 1e6 / seconds,
    machineBusy: busyShare(machine, cpuTimes()),
    serverLoop: await server.request({ type: "event-loop-delay" }),
  };
}
