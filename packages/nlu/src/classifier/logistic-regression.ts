import type { SparseVector } from "./vectors.ts";

const negligibleGradient = 1e-4;

export interface LogisticRegressionOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty per example, which keeps few-shot weights from growing on one lucky word. */
  regularization: number;
  seed: number;
}

/** A training vector and its class; `weight` (1 unless given) scales its steps. */
export interface TrainingExample {
  vector: SparseVector;
  label: number;
  weight?: number;
}

/** Weights by feature then class (`weights[feature * classCount + class]`), and a bias per class. */
export interface LogisticRegressionWeights {
  classCount: number;
  featureCount: number;
  weights: Float32Array;
  biases: Float64Array;
}

function softmaxInPlace(values: Float64Array): void {
  let maximum = Number.NEGATIVE_INFINITY;
  for (const value of values) maximum = Math.max(maximum, value);
  let sum = 0;
  for (let index = 0; index < values.length; index += 1) {
    const exponential = Math.exp((values[index] as number) - maximum);
    values[index] = exponential;
    sum += exponential;
  }
  for (let index = 0; index < values.length; index += 1) values[index] = (values[index] as number) / sum;
}

export function logitsOf(
  model: LogisticRegressionWeights,
  vector: SparseVector,
  into?: Float64Array,
): Float64Array {
  const logits = into ?? new Float64Array(model.classCount);
  logits.set(model.biases);
  const classCount = model.classCount;
  for (let position = 0; position < vector.features.length; position += 1) {
    const feature = vector.features[position] as number;
    const value = vector.weights[position] as number;
    const offset = feature * classCount;
    for (let label = 0; label < classCount; label += 1) {
      logits[label] = (logits[label] as number) + value * (model.weights[offset + label] as number);
    }
  }
  return logits;
}

/**
 * Multinomial logistic regression by stochastic gradient descent, in a
 * seeded order so training is deterministic.
 */
export function trainLogisticRegression(
  examples: readonly TrainingExample[],
  classCount: number,
  featureCount: number,
  options: LogisticRegressionOptions,
): LogisticRegressionWeights {
  const model: LogisticRegressionWeights = {
    classCount,
    featureCount,
    weights: new Float32Array(classCount * featureCount),
    biases: new Float64Array(classCount),
  };
  const order = examples.map((_example, index) => index);
  let state = options.seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const probabilities = new Float64Array(classCount);
  // The intents with a gradient on the current example, and their gradient times the rate.
  const active = new Int32Array(classCount);
  const steps = new Float64Array(classCount);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (let index = order.length - 1; index > 0; index -= 1) {
      const other = Math.floor(random() * (index + 1));
      [order[index], order[other]] = [order[other] as number, order[index] as number];
    }
    const rate = options.learningRate / (1 + epoch * 0.1);
    for (const exampleIndex of order) {
      const example = examples[exampleIndex];
      if (!example) continue;
      const weight = example.weight ?? 1;
      logitsOf(model, example.vector, probabilities);
      softmaxInPlace(probabilities);
      probabilities[example.label] = (probabilities[example.label] as number) - 1;
      // Once training settles, most intents get a near-zero gradient on an example;
      // skipping them makes an epoch several times faster and changes no decision.
      let activeCount = 0;
      for (let label = 0; label < classCount; label += 1) {
        const gradient = weight * (probabilities[label] as number);
        if (gradient > negligibleGradient || gradient < -negligibleGradient) {
          active[activeCount] = label;
          steps[activeCount] = rate * gradient;
          activeCount += 1;
          model.biases[label] = (model.biases[label] as number) - rate * gradient;
        }
      }
      const decay = 1 - rate * weight * options.regularization;
      const { features, weights } = example.vector;
      for (let position = 0; position < features.length; position += 1) {
        const offset = (features[position] as number) * classCount;
        const value = weights[position] as number;
        for (let slot = 0; slot < activeCount; slot += 1) {
          const weightIndex = offset + (active[slot] as number);
          model.weights[weightIndex] =
            (model.weights[weightIndex] as number) * decay - value * (steps[slot] as number);
        }
      }
    }
  }
  return model;
}
