import { createAssistantFromTemplate } from "@parley/model";
import { describe, expect, it } from "vitest";
import type { Executor } from "../database/connection.ts";
import { intentDetectionFor } from "./turn-detection.ts";

/** Any statement through this fails the test: these turns must not read anything. */
const noDatabase = new Proxy({} as Executor, {
  get() {
    throw new Error("the turn read the database");
  },
});

describe("which turns pay for intent detection", () => {
  it("gives Lite assistants no detector at all, as they have no intents", async () => {
    const lite = createAssistantFromTemplate("blank", { type: "lite" });
    expect(await intentDetectionFor(noDatabase, "organization", lite)).toBeUndefined();
  });

  it("gives assistants that map no intent a detector that finds nothing, without reading a model", async () => {
    const premium = createAssistantFromTemplate("blank", { type: "premium" });
    const detect = await intentDetectionFor(noDatabase, "organization", premium);
    expect(detect?.("Where is my order?", "en")).toBeNull();
  });
});
