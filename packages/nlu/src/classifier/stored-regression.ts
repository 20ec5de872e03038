import type { StoredRegression } from "../model.ts";
import type { LogisticRegressionWeights } from "./logistic-regression.ts";

function round(weight: number): number {
  return Math.round(weight * 10000) / 10000;
}

/**
 * Packs dense regression weights by feature, leaving out those closer to 0
 * than `pruning`: most features matter to a handful of intents, so this
 * keeps a model for 150 intents to a few megabytes of JSON.
 */
export function storeRegression(dense: LogisticRegressionWeights, pruning: number): StoredRegression {
  const offsets = [0];
  const intents: number[] = [];
  const weights: number[] = [];
  for (let feature = 0; feature < dense.featureCount; feature += 1) {
    const base = feature * dense.classCount;
    for (let intent = 0; intent < dense.classCount; intent += 1) {
      const weight = dense.weights[base + intent] as number;
      if (Math.abs(weight) < pruning) continue;
      intents.push(intent);
      weights.push(round(weight));
    }
    offsets.push(intents.length);
  }
  return { offsets, intents, weights, biases: Array.from(dense.biases, round) };
}
