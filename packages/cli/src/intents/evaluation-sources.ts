import { CliError } from "../exit-codes.ts";
import { readClincDataset } from "./clinc-dataset.ts";
import { readLabeledFile } from "./labeled-file.ts";
import type { LabeledSet } from "./labeled-set.ts";
import { predefinedTrainingSet } from "./training-lines.ts";

export interface SourceOptions {
  train?: string;
  test?: string;
  predefined?: boolean;
  dataset?: string;
}

export interface EvaluationSources {
  training: LabeledSet;
  test: LabeledSet;
  /** Introduces the trained intent names in a message about unknown ones. */
  knownIntroduction: string;
}

async function readTestFile(test: string | undefined, flag: string): Promise<LabeledSet> {
  if (test === undefined) throw new CliError(`${flag} needs --test FILE: the lines to score`);
  return readLabeledFile(test);
}

/** What to train on and what to test on, from exactly one of --train, --predefined and --dataset. */
export async function readEvaluationSources(options: SourceOptions): Promise<EvaluationSources> {
  if (options.dataset !== undefined) {
    const { train, test } = await readClincDataset(options.dataset);
    return { training: train, test, knownIntroduction: `the intents of ${train.source} are` };
  }
  if (options.predefined) {
    const test = await readTestFile(options.test, "--predefined");
    return { training: predefinedTrainingSet(), test, knownIntroduction: "the predefined intents are" };
  }
  if (options.train !== undefined) {
    const training = await readLabeledFile(options.train);
    const test = await readTestFile(options.test, "--train FILE");
    return { training, test, knownIntroduction: `the intents of ${options.train} are` };
  }
  throw new CliError("say what to train on: --train FILE, --predefined or --dataset FILE");
}
