// The entry of the thread training-in-thread.ts starts: trains and reviews off the main thread.
import { parentPort, workerData } from "node:worker_threads";
import { runTraining, type TrainingRequest } from "./training-work.ts";

parentPort?.postMessage(runTraining(workerData as TrainingRequest));
