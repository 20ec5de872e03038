import type { LabeledLine } from "@parley/nlu";

/** Lines to train or test on, and where each came from, so a message can point at one. */
export interface LabeledSet {
  /** The file as named on the command line, or a description such as "the predefined intents". */
  source: string;
  lines: LabeledLine[];
  /** Where the line at `index` is in its source, such as "line 12" or "/test/12". */
  locate(index: number): string;
}
