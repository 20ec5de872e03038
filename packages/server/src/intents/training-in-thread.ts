import { Worker } from "node:worker_threads";
import { runTraining, type TrainingRequest, type TrainingResult } from "./training-work.ts";

const threadUrl = new URL("./training-thread.ts", import.meta.url);

export class TrainingStopped extends Error {
  override name = "TrainingStopped";
}

function inThread(request: TrainingRequest, signal?: AbortSignal): Promise<TrainingResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(threadUrl, { workerData: request });
    // A training under way must not keep a process that is otherwise done from exiting.
    worker.unref();
    const stop = () => {
      reject(new TrainingStopped("the training was stopped"));
      void worker.terminate();
    };
    signal?.addEventListener("abort", stop, { once: true });
    worker.once("message", (result: TrainingResult) => resolve(result));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      signal?.removeEventListener("abort", stop);
      reject(new Error(`the training thread stopped with code ${code} before answering`));
    });
  });
}

let threadsUnavailable = false;

/**
 * Trains (and reviews) in a thread of its own: with the predefined intents that takes one to a few
 * seconds of CPU, which on the main thread would stall every conversation of the process. Where a
 * thread cannot start, it trains here rather than not at all.
 */
export async function trainIntents(request: TrainingRequest, signal?: AbortSignal): Promise<TrainingResult> {
  if (signal?.aborted) throw new TrainingStopped("the training was stopped");
  if (threadsUnavailable) return runTraining(request);
  try {
    return await inThread(request, signal);
  } catch (error) {
    if (error instanceof TrainingStopped) throw error;
    // The same training here either succeeds (the thread could not start) or fails with the real reason.
    const result = runTraining(request);
    threadsUnavailable = true;
    process.emitWarning(
      `intent training runs on the main thread: ${error instanceof Error ? error.message : String(error)}`,
    );
    return result;
  }
}
