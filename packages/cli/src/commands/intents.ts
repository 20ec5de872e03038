import { type Command, InvalidArgumentError, Option } from "commander";
import { CliError } from "../exit-codes.ts";
import { checkTestIntents } from "../intents/check-test-intents.ts";
import { readEvaluationSources, type SourceOptions } from "../intents/evaluation-sources.ts";
import { formatEvaluationTable } from "../intents/evaluation-table.ts";
import { createClassificationProgress, formatCount } from "../intents/progress.ts";
import { runEvaluation } from "../intents/run-evaluation.ts";
import { defaultSeed, trainingLines } from "../intents/training-lines.ts";
import { type CommandContext, formatJson } from "../io.ts";

interface EvaluateOptions extends SourceOptions {
  shots?: number;
  seed?: number;
  json?: boolean;
}

/** Training on this many phrases takes long enough that silence would look like a hang. */
const trainingNoticePhrases = 2000;

function parsePositiveInteger(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < 1) {
    throw new InvalidArgumentError("must be a positive integer, such as 10");
  }
  return number;
}

/** The seeded generator keeps 32 bits, so larger seeds would silently repeat smaller ones. */
function parseSeed(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number > 0xffffffff) {
    throw new InvalidArgumentError("must be an integer from 0 to 4294967295");
  }
  return number;
}

export function registerIntentsCommand(program: Command, context: CommandContext): void {
  const intents = program.command("intents").description("measure intent detection on labeled phrases");
  intents
    .command("eval")
    .description("train intent detection as the product does and score it on held-out lines")
    .addOption(
      new Option("--train <file>", 'JSON lines {"text": "...", "intent": "name"} to train on').conflicts([
        "predefined",
        "dataset",
      ]),
    )
    .addOption(
      new Option("--predefined", "train on the 26 predefined intents (the test uses their snake_case names)"),
    )
    .addOption(
      new Option(
        "--dataset <file>",
        "a CLINC150 data_full.json: train on train, test on test + oos_test",
      ).conflicts(["predefined", "test"]),
    )
    .option("--test <file>", 'JSON lines to score; "intent": null marks an out-of-scope line')
    .option("--shots <k>", "train on K phrases per intent, drawn with --seed", parsePositiveInteger)
    .option("--seed <s>", `the seed of the --shots draw (default: ${defaultSeed})`, parseSeed)
    .option("--json", "print one JSON object instead of a table")
    .addHelpText(
      "after",
      `
Examples:
  parley intents eval --predefined --test packages/nlu/data/predefined-test.jsonl
  parley intents eval --train train.jsonl --test test.jsonl --shots 10 --seed 3 --json
  parley intents eval --dataset data_full.json --shots 10

Lines with "intent": null in the training file are ignored: the product trains only on intents.
Progress goes to stderr. Exit codes: 0 scored, 2 bad options or a file that cannot be read or used.`,
    )
    .action(async (options: EvaluateOptions) => {
      if (options.seed !== undefined && options.shots === undefined) {
        throw new CliError("--seed only applies with --shots K");
      }
      const drawSeed = options.seed ?? defaultSeed;
      const sources = await readEvaluationSources(options);
      const training = trainingLines(sources.training, options.shots, drawSeed);
      const trainedNames = new Set(training.flatMap((line) => (line.intent === null ? [] : [line.intent])));
      checkTestIntents(sources.test, trainedNames, sources.knownIntroduction);

      const now = () => performance.now();
      if (training.length >= trainingNoticePhrases) {
        context.io.stderr(
          `training ${formatCount(trainedNames.size)} intents on ${formatCount(training.length)} phrases…\n`,
        );
      }
      const run = runEvaluation(training, sources.test.lines, {
        now,
        onProgress: createClassificationProgress(context.io, now),
      });

      if (options.json) {
        context.io.stdout(
          formatJson({
            ...run.report,
            intents: run.intents,
            trainingPhrases: run.trainingPhrases,
            shots: options.shots ?? null,
            seed: options.shots === undefined ? null : drawSeed,
          }),
        );
        return;
      }
      context.io.stdout(
        formatEvaluationTable(run, {
          trainingSource: sources.training.source,
          testSource: sources.test.source,
          shots: options.shots,
          seed: drawSeed,
        }),
      );
    });
}
