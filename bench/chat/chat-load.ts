/**
 * The conversation load: N simulated customers, each with its own WebSocket, each
 * looping on one message at a time (a closed loop: a customer never sends before the
 * reply to its previous message has arrived).
 *
 * With a pace, customer i sends every N / pace seconds from a random phase, so the
 * offered load is `pace` turns per second whenever replies come back within that
 * interval; a late reply delays that customer's next message but never bunches the
 * missed ones. Without a pace, each customer sends again as soon as it has its reply,
 * which measures the most the server does with N conversations.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { type LoopDelay, measureEventLoopDelay } from "./event-loop-delay.ts";
import { busyShare, cpuTimes } from "./machine-load.ts";
import type { ChildReady, ServerProcess } from "./server-process.ts";
import { SimulatedCustomer } from "./simulated-customer.ts";

export interface LoadPlan {
  conversations: number;
  warmupSeconds: number;
  seconds: number;
  /** Offered turns per second over all conversations; 0 for no think time. */
  pace: number;
}

export interface LoadResult {
  plan: LoadPlan;
  setupSeconds: number;
  turns: number;
  replyMilliseconds: number[];
  acceptedMilliseconds: number[];
  errors: Map<string, number>;
  /** Resident memory before the conversations started, at its highest in the measured window, and at its end. */
  serverRss: { before: number; peak: number; end: number };
  /** Shares of one core (1 = one core fully busy) over the measured window. */
  serverCpu: number;
  /** The PostgreSQL backends of the server's database; null on PGlite, which runs inside the server. */
  databaseCpu: number | null;
  generatorCpu: number;
  /** Share of all the machine's cores in use over the measured window. */
  machineBusy: number;
  /** Over the measured window: a stall in either loop delays every turn in flight. */
  eventLoopDelay: { server: LoopDelay; generator: LoopDelay } | null;
}

const setupConcurrency = 50;

async function inParallel<Item>(items: Item[], limit: number, work: (item: Item) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next] as Item;
      next += 1;
      await work(item);
    }
  });
  await Promise.all(lanes);
}

/** What bench/chat/server.ts prints once it listens. */
export interface ChatServer extends ChildReady {
  address: string;
  brandId: string;
}

export async function runChatLoad(
  server: ServerProcess<ChatServer>,
  plan: LoadPlan,
  databaseCpuSeconds: (() => Promise<number>) | null,
): Promise<LoadResult> {
  const rssBefore = server.memory().rss;
  const setupStarted = performance.now();
  const customers = Array.from(
    { length: plan.conversations },
    () => new SimulatedCustomer(server.ready.address),
  );
  await inParallel(customers, setupConcurrency, async (customer) => {
    await customer.start(server.ready.brandId);
    await customer.connect();
  });
  const setupSeconds = (performance.now() - setupStarted) / 1000;

  const result: LoadResult = {
    plan,
    setupSeconds,
    turns: 0,
    replyMilliseconds: [],
    acceptedMilliseconds: [],
    errors: new Map(),
    serverRss: { before: rssBefore, peak: 0, end: 0 },
    serverCpu: 0,
    databaseCpu: null,
    generatorCpu: 0,
    machineBusy: 0,
    eventLoopDelay: null,
  };
  const started = performance.now();
  const windowStart = started + plan.warmupSeconds * 1000;
  const windowEnd = windowStart + plan.seconds * 1000;
  const intervalMilliseconds = plan.pace > 0 ? (plan.conversations / plan.pace) * 1000 : 0;

  const drive = async (customer: SimulatedCustomer) => {
    let nextAt = started + Math.random() * intervalMilliseconds;
    while (performance.now() < windowEnd) {
      const wait = nextAt - performance.now();
      if (wait > 0) await sleep(wait);
      try {
        const timing = await customer.turn();
        if (timing.repliedAt >= windowStart && timing.repliedAt < windowEnd) {
          result.turns += 1;
          result.replyMilliseconds.push(timing.replyMilliseconds);
          result.acceptedMilliseconds.push(timing.acceptedMilliseconds);
        }
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (performance.now() < windowEnd) result.errors.set(reason, (result.errors.get(reason) ?? 0) + 1);
      }
      nextAt = Math.max(nextAt + intervalMilliseconds, performance.now());
    }
  };
  const sampleWindow = async () => {
    await sleep(windowStart - performance.now());
    const serverCpu = server.cpuSeconds();
    const databaseCpu = await databaseCpuSeconds?.();
    const generatorCpu = process.cpuUsage();
    const machine = cpuTimes();
    const generatorLoop = measureEventLoopDelay();
    await server.request({ type: "event-loop-delay" });
    while (performance.now() < windowEnd) {
      result.serverRss.peak = Math.max(result.serverRss.peak, server.memory().rss);
      await sleep(Math.min(500, Math.max(0, windowEnd - performance.now())));
    }
    result.serverRss.end = server.memory().rss;
    result.serverRss.peak = Math.max(result.serverRss.peak, result.serverRss.end);
    const elapsedSeconds = plan.seconds;
    result.serverCpu = (server.cpuSeconds() - serverCpu) / elapsedSeconds;
    if (databaseCpuSeconds && databaseCpu !== undefined)
      result.databaseCpu = ((await databaseCpuSeconds()) - databaseCpu) / elapsedSeconds;
    const generator = process.cpuUsage(generatorCpu);
    result.generatorCpu = (generator.user + generator.system) / 1e6 / elapsedSeconds;
    result.machineBusy = busyShare(machine, cpuTimes());
    result.eventLoopDelay = {
      server: await server.request({ type: "event-loop-delay" }),
      generator: generatorLoop(),
    };
  };
  await Promise.all([...customers.map(drive), sampleWindow()]);
  for (const customer of customers) customer.close();
  return result;
}
