import { createAssistantFromTemplate, validateAssistant } from "@parley/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, type TestServer, testDatabases } from "../../test/test-server.ts";
import { createKlass, putKlassAttribute } from "./klasses.ts";
import { createSchedule } from "./schedules.ts";
import { createSnippet } from "./snippets.ts";
import { validationOptionsFor } from "./validation-options.ts";

describe.each(testDatabases)("validation options on %s", (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await createTestServer(kind);
  });
  afterAll(() => server.close());

  it("lists the standard Klasses with only their custom attributes, custom Klasses, snippets and schedules", async () => {
    const { database } = server.connection;
    const { id } = await server.organization();
    const other = await server.organization("Other");
    await putKlassAttribute(database, id, "customer", { name: "tier", type: "number" });
    await createKlass(database, id, { name: "order", attributes: [{ name: "number", type: "text" }] });
    await createSnippet(database, id, { name: "greeting", values: { en: "Hello" } });
    const schedule = await createSchedule(database, id, {
      name: "Office",
      timeZone: "Europe/Lisbon",
      hours: { monday: [{ start: "09:00", end: "17:00" }] },
      holidays: [],
    });
    await createSnippet(database, other.id, { name: "theirs", values: { en: "Not ours" } });

    const options = await validationOptionsFor(database, id);
    expect(options.klasses).toEqual([
      { name: "conversation", label: "Conversation", attributes: [] },
      { name: "customer", label: "Customer", attributes: [{ name: "tier", type: "number" }] },
      { name: "company", label: "Company", attributes: [] },
      { name: "order", attributes: [{ name: "number", type: "text" }] },
    ]);
    expect(options.snippets).toEqual(["greeting"]);
    expect(options.schedules).toEqual([schedule.id]);
    expect(options.intents).toContain("where_is_my_order");
    expect(options.knowledgeBases).toBeUndefined();
    expect(options.workflows).toBeUndefined();
  });

  it("gives validation what it needs to flag unknown snippets and schedules", async () => {
    const { database } = server.connection;
    const { id } = await server.organization();
    await createSnippet(database, id, { name: "greeting", values: { en: "Hello" } });
    const definition = createAssistantFromTemplate("blank");
    definition.dialogs[0]?.interactions.push(
      { id: "hello", kind: "send_message", text: "{{snippet.greeting}} {{snippet.missing}}" },
      {
        id: "hours",
        kind: "business_schedule",
        scheduleId: "no-such-schedule",
        duringHours: { interactions: [] },
        outsideHours: { interactions: [] },
      },
    );
    const { problems } = validateAssistant(definition, await validationOptionsFor(database, id));
    const codes = problems.map((problem) => problem.code);
    expect(codes).toContain("unknown_snippet");
    expect(codes).toContain("unknown_business_schedule");
    expect(problems.filter((problem) => problem.code === "unknown_snippet")).toHaveLength(1);
  });
});
