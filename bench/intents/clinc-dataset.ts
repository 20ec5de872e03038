import { readFileSync } from "node:fs";
import type { LabeledLine } from "@parley/nlu";

export interface ClincSplits {
  train: LabeledLine[];
  /** In-scope lines then out-of-scope lines of the split the benchmark evaluates on. */
  evaluation: LabeledLine[];
}

type RawSplit = [text: string, intent: string][];

function readSplit(data: Record<string, unknown>, name: string, outOfScope: boolean): LabeledLine[] {
  const split = data[name];
  if (!Array.isArray(split)) throw new Error(`the dataset has no "${name}" list`);
  return (split as RawSplit).map(([text, intent]) => ({ text, intent: outOfScope ? null : intent }));
}

/**
 * CLINC150 (Larson et al., 2019, CC BY 3.0) as `data_full.json` lays it
 * out. "test" evaluates on test + oos_test; "val" on val + oos_val, the
 * only split the classifier may be tuned on.
 */
export function readClinc(path: string, split: "test" | "val"): ClincSplits {
  const data = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  return {
    train: readSplit(data, "train", false),
    evaluation: [...readSplit(data, split, false), ...readSplit(data, `oos_${split}`, true)],
  };
}
