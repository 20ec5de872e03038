import type { LabeledLine } from "@parley/nlu";
import { CliError } from "../exit-codes.ts";
import { readTextFile } from "../files.ts";
import type { LabeledSet } from "./labeled-set.ts";

export interface DatasetSplits {
  train: LabeledSet;
  /** The in-scope test lines, then the out-of-scope ones. */
  test: LabeledSet;
}

interface SplitLines {
  lines: LabeledLine[];
  pointers: string[];
}

function readSplit(
  path: string,
  data: Record<string, unknown>,
  name: string,
  outOfScope: boolean,
): SplitLines {
  const split = data[name];
  if (!Array.isArray(split)) {
    throw new CliError(
      `${path} is not a CLINC150 data file: it has no "${name}" list of [text, intent] pairs`,
    );
  }
  const lines: LabeledLine[] = [];
  const pointers: string[] = [];
  split.forEach((item: unknown, index) => {
    const pointer = `/${name}/${index}`;
    const [text, intent] = Array.isArray(item) ? (item as unknown[]) : [];
    if (
      typeof text !== "string" ||
      text.trim() === "" ||
      typeof intent !== "string" ||
      intent.trim() === ""
    ) {
      throw new CliError(`${path} ${pointer}: expected [text, intent], two non-empty strings`);
    }
    // The dataset labels out-of-scope lines "oos"; Parley's files say null.
    lines.push({ text, intent: outOfScope ? null : intent });
    pointers.push(pointer);
  });
  return { lines, pointers };
}

function labeledSet(source: string, splits: readonly SplitLines[]): LabeledSet {
  const pointers = splits.flatMap((split) => split.pointers);
  return {
    source,
    lines: splits.flatMap((split) => split.lines),
    locate: (index) => pointers[index] ?? "?",
  };
}

/**
 * CLINC150 (Larson et al., 2019) as `data_full.json` lays it out: lists of
 * [text, intent] named train, val, test and oos_train, oos_val, oos_test.
 * Training uses `train` only, as an organization only has phrases for its
 * intents; the test is `test` plus `oos_test`, as the intent benchmark
 * (bench/intents) measures it.
 */
export async function readClincDataset(path: string): Promise<DatasetSplits> {
  const text = await readTextFile(path);
  let data: unknown;
  try {
    data = JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
  } catch (error) {
    throw new CliError(
      `${path} is not valid JSON: ${(error as Error).message} (--dataset reads CLINC150's data_full.json; JSON lines files go to --train and --test)`,
    );
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new CliError(
      `${path} is not a CLINC150 data file: expected an object with train, test and oos_test lists`,
    );
  }
  const record = data as Record<string, unknown>;
  const train = labeledSet(`${path} /train`, [readSplit(path, record, "train", false)]);
  const test = labeledSet(`${path} /test + /oos_test`, [
    readSplit(path, record, "test", false),
    readSplit(path, record, "oos_test", true),
  ]);
  if (test.lines.length === 0) throw new CliError(`${path} has no lines in test and oos_test to score`);
  return { train, test };
}
