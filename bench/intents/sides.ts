import { LangEn } from "@nlpjs/lang-en-min";
import { Nlp } from "@nlpjs/nlp";
import {
  type AnsweredLine,
  classify,
  definitionsFromLines,
  type EvaluationReport,
  evaluateIntents,
  type LabeledLine,
  scoreAnswers,
  serializeModel,
  trainIntentModel,
} from "@parley/nlu";

/** One side of the comparison, trained on the drawn lines. */
export interface TrainedSide {
  /** Every evaluation line answered and measured. */
  evaluate(lines: readonly LabeledLine[], trainMs: number): Promise<EvaluationReport>;
  /** One detection, for warming up and for memory checks. */
  detect(text: string): Promise<string | null>;
  /** The size of the trained model as the side would store it. */
  serializedBytes(): number;
}

export interface Side {
  name: string;
  train(lines: readonly LabeledLine[]): Promise<TrainedSide>;
}

export const parleySide: Side = {
  name: "Parley",
  async train(lines) {
    const model = trainIntentModel(definitionsFromLines(lines));
    return {
      // The engine calls detectIntent synchronously, so latency is measured as it runs there.
      evaluate: async (evaluation, trainMs) =>
        evaluateIntents(model, evaluation, { now: () => performance.now(), trainMs }),
      detect: async (text) => classify(model, text, "en").detected?.intent ?? null,
      serializedBytes: () => Buffer.byteLength(serializeModel(model)),
    };
  },
};

interface NlpResult {
  intent: string;
  score: number;
}

interface NlpInstance {
  use(plugin: unknown): void;
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<unknown>;
  process(locale: string, utterance: string): Promise<NlpResult>;
  export(minified?: boolean): string;
}

export const nlpjsSide: Side = {
  name: "nlp.js",
  async train(lines) {
    const nlp = new Nlp({
      languages: ["en"],
      autoSave: false,
      autoLoad: false,
      nlu: { log: false },
    }) as NlpInstance;
    nlp.use(LangEn);
    for (const line of lines) if (line.intent !== null) nlp.addDocument("en", line.text, line.intent);
    await nlp.train();
    // nlp.js answers "None" below its threshold (0.5 by default): out of scope.
    const detect = async (text: string) => {
      const result = await nlp.process("en", text);
      return result.intent === "None" ? null : result.intent;
    };
    return {
      async evaluate(evaluation, trainMs) {
        const answers: AnsweredLine[] = [];
        const latenciesMs: number[] = [];
        for (const line of evaluation) {
          const started = performance.now();
          const predicted = await detect(line.text);
          latenciesMs.push(performance.now() - started);
          answers.push({ expected: line.intent, predicted });
        }
        return scoreAnswers(answers, { latenciesMs, trainMs });
      },
      detect,
      serializedBytes: () => Buffer.byteLength(nlp.export(true)),
    };
  },
};
