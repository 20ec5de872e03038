/**
 * `npm run bench:engine`: the spec 11 tutorial conversation run by the Parley
 * engine and by botbuilder-dialogs in the same process, same conversations,
 * same warm-up, rounds interleaved. Options (flag or environment variable):
 *   --conversations N  BENCH_CONVERSATIONS  per side per round (default 20000)
 *   --rounds N         BENCH_ROUNDS         timed rounds, median reported (default 5)
 *   --warmup N         BENCH_WARMUP         untimed conversations first (default 5000)
 */
import { parseArgs } from "node:util";
import { createBotbuilderFlow } from "./botbuilder-flow.ts";
import { machine, median, stateSize, turnsPerSecond } from "./measure.ts";
import { createParleyFlow } from "./parley-flow.ts";
import { chosenTeam, customerName, type Flow, turnsPerConversation } from "./script.ts";

const targetRatio = 20;
const targetStateBytes = 2048;

const { values: flags } = parseArgs({
  options: {
    conversations: { type: "string" },
    rounds: { type: "string" },
    warmup: { type: "string" },
  },
});

function option(flag: keyof typeof flags, variable: string, fallback: number): number {
  const raw = flags[flag] ?? process.env[variable];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${flag} (${variable}) must be a positive integer`);
  return value;
}

/** A benchmark of a broken flow is worthless: both sides must show the customer the same conversation. */
async function checkFlows(ours: Flow, peer: Flow): Promise<void> {
  const expected = await ours.transcript(0);
  const got = await peer.transcript(0);
  const last = expected.at(-1) ?? [];
  if (expected.length !== turnsPerConversation || !last.includes(`transfer: ${chosenTeam}`)) {
    throw new Error(
      `the Parley flow did not end in a transfer to ${chosenTeam}:\n${JSON.stringify(expected)}`,
    );
  }
  if (!last.some((line) => line.startsWith(`text: Thanks, ${customerName}!`))) {
    throw new Error(`the Parley flow did not thank ${customerName} before the transfer`);
  }
  if (JSON.stringify(expected) !== JSON.stringify(got)) {
    throw new Error(
      `the two flows differ:\nparley:     ${JSON.stringify(expected)}\nbotbuilder: ${JSON.stringify(got)}`,
    );
  }
}

const conversations = option("conversations", "BENCH_CONVERSATIONS", 20000);
const rounds = option("rounds", "BENCH_ROUNDS", 5);
const warmup = option("warmup", "BENCH_WARMUP", 5000);

const sides = [createParleyFlow(), createBotbuilderFlow()].map((flow) => {
  let next = 1;
  return { flow, next: () => next++, rates: [] as number[] };
});
const [ours, peer] = sides;
if (!ours || !peer) throw new Error("unreachable");

const began = performance.now();
await checkFlows(ours.flow, peer.flow);
const sizes = [await stateSize(ours.flow, ours.next()), await stateSize(peer.flow, peer.next())];
for (const side of sides) await turnsPerSecond(side.flow, side.next, warmup);
for (let round = 0; round < rounds; round += 1) {
  // Alternate who goes first so neither side always runs on a warmer or more fragmented heap.
  const order = round % 2 === 0 ? sides : [...sides].reverse();
  for (const side of order) {
    // Each side's garbage is collected before the other is timed, so neither pays for the other's heap.
    globalThis.gc?.();
    side.rates.push(await turnsPerSecond(side.flow, side.next, conversations));
  }
}
const elapsed = (performance.now() - began) / 1000;

const rate = (values: number[]) => Math.round(median(values)).toLocaleString("en-US");
const spread = (values: number[]) =>
  `${Math.round(Math.min(...values)).toLocaleString("en-US")}–${Math.round(Math.max(...values)).toLocaleString("en-US")}`;
const rows = sides.map((side, index) => [
  side.flow.name,
  rate(side.rates),
  spread(side.rates),
  String(sizes[index]?.max ?? 0),
  String(sizes[index]?.end ?? 0),
]);
const header = ["side", "turns/s (median)", "range over rounds", "state max (B)", "state end (B)"];
const widths = header.map((title, column) =>
  Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
);
const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ");

const ratio = median(ours.rates) / median(peer.rates);
const oursMax = sizes[0]?.max ?? Number.POSITIVE_INFINITY;
console.log(`Engine benchmark: spec 11 tutorial, ${turnsPerConversation} turns per conversation`);
console.log(`machine: ${machine()}`);
console.log(
  `conversations: ${conversations} per side per round, ${rounds} rounds (median), ${warmup} warm-up; took ${elapsed.toFixed(1)} s`,
);
console.log(
  `reproduce: npm run bench:engine -- --conversations ${conversations} --rounds ${rounds} --warmup ${warmup}`,
);
console.log("");
console.log(line(header));
for (const row of rows) console.log(line(row));
console.log("");
console.log(`target ratio >= ${targetRatio}: ${ratio >= targetRatio ? "met" : "NOT met"}`);
console.log(
  `target state <= ${targetStateBytes} B per conversation (Parley, max over the conversation): ${oursMax <= targetStateBytes ? "met" : "NOT met"}`,
);
console.log(`ratio: ${ratio.toFixed(1)}`);
