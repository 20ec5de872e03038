import type { BusinessScheduleDefinition } from "@parley/model";
import { describe, expect, it } from "vitest";
import {
  Conversation,
  effectOf,
  type InteractionSpec,
  landing,
  mondayMorningNewYork,
  newYorkSchedule,
  oneDialog,
  sundayMorningNewYork,
  texts,
} from "../../test/builders.ts";

const say = (id: string, text: string): InteractionSpec => ({ id, kind: "send_message", text });

function scheduleAssistant(schedule: Partial<InteractionSpec> = {}) {
  return oneDialog(
    [
      {
        id: "hours",
        kind: "business_schedule",
        scheduleId: "support-hours",
        duringHours: { interactions: [say("open", "We are open.")] },
        outsideHours: { interactions: [say("closed", "We are closed right now.")] },
        ...schedule,
      } as InteractionSpec,
      say("after", "after"),
    ],
    { id: "end", kind: "transfer" },
    { dialogs: [landing("after-hours")] },
  );
}

function run(
  now: number,
  schedules: Record<string, BusinessScheduleDefinition> = { "support-hours": newYorkSchedule },
) {
  return new Conversation(scheduleAssistant(), { now, schedules });
}

const at = (iso: string) => Date.parse(iso);

describe("business schedule", () => {
  it("runs the during-hours path on a Monday at 10:00 in New York, then goes on", () => {
    expect(texts(run(mondayMorningNewYork).start())).toEqual(["We are open.", "after"]);
  });

  it("runs the outside-hours path on a Sunday", () => {
    expect(texts(run(sundayMorningNewYork).start())).toEqual(["We are closed right now.", "after"]);
  });

  it.each([
    ["before opening", "2026-01-05T13:59:00Z", false],
    ["at opening", "2026-01-05T14:00:00Z", true],
    ["a minute before closing", "2026-01-05T21:59:00Z", true],
    ["at closing", "2026-01-05T22:00:00Z", false],
    ["on a Friday afternoon, after the short day", "2026-01-09T18:00:00Z", false],
    ["in summer time (UTC-4)", "2026-07-06T13:30:00Z", true],
  ])("reads the hours in the schedule's time zone: %s", (_when, iso, open) => {
    expect(texts(run(at(iso)).start())[0]).toBe(open ? "We are open." : "We are closed right now.");
  });

  it("is closed all day on a holiday", () => {
    const christmasMorning = at("2026-12-25T15:00:00Z");
    const weekdayHours = { ...newYorkSchedule, hours: { friday: [{ start: "00:00", end: "24:00" }] } };
    expect(texts(run(christmasMorning, { "support-hours": weekdayHours }).start())[0]).toBe(
      "We are closed right now.",
    );
    const nextFriday = at("2027-01-01T15:00:00Z");
    expect(texts(run(nextFriday, { "support-hours": weekdayHours }).start())[0]).toBe("We are open.");
  });

  it("takes the holiday's date in the schedule's time zone, not in UTC", () => {
    // 02:00 UTC on the 26th is still the evening of the 25th in New York.
    const lateChristmasEvening = at("2026-12-26T02:00:00Z");
    const always = { ...newYorkSchedule, hours: { friday: [{ start: "00:00", end: "24:00" }] } };
    expect(texts(run(lateChristmasEvening, { "support-hours": always }).start())[0]).toBe(
      "We are closed right now.",
    );
  });

  it("gives the same instant different answers in different time zones", () => {
    const tokyo = { ...newYorkSchedule, timeZone: "Asia/Tokyo" };
    // Monday 10:00 in New York is Tuesday 00:00 in Tokyo.
    expect(texts(run(mondayMorningNewYork, { "support-hours": tokyo }).start())[0]).toBe(
      "We are closed right now.",
    );
  });

  it("follows a redirect at the end of a path", () => {
    const assistant = scheduleAssistant({
      outsideHours: { interactions: [say("closed", "We are closed.")], redirectTo: "after-hours" },
    } as Partial<InteractionSpec>);
    const conversation = new Conversation(assistant, {
      now: sundayMorningNewYork,
      schedules: { "support-hours": newYorkSchedule },
    });
    expect(texts(conversation.start())).toEqual(["We are closed.", "in after-hours"]);
  });

  it("waits for a question inside a path and goes on after it", () => {
    const assistant = scheduleAssistant({
      duringHours: {
        interactions: [
          {
            id: "email",
            kind: "text_question",
            prompt: "Your email?",
            saveTo: { klass: "customer", attribute: "email" },
          },
        ],
      },
    } as Partial<InteractionSpec>);
    const conversation = new Conversation(assistant, { schedules: { "support-hours": newYorkSchedule } });
    expect(texts(conversation.start())).toEqual(["Your email?"]);
    expect(texts(conversation.say("ada@example.com"))).toEqual(["after"]);
    expect(conversation.attributes["customer.email"]).toBe("ada@example.com");
  });

  it("goes straight on when the chosen path is empty", () => {
    const assistant = scheduleAssistant({ duringHours: { interactions: [] } } as Partial<InteractionSpec>);
    const conversation = new Conversation(assistant, { schedules: { "support-hours": newYorkSchedule } });
    expect(texts(conversation.start())).toEqual(["after"]);
  });

  it("hands the customer to an agent when the schedule is not known", () => {
    const conversation = run(mondayMorningNewYork, {});
    const effects = conversation.start();
    expect(texts(effects)).toEqual(["Let me connect you with someone from our team."]);
    expect(conversation.status).toBe("transferred");
    expect(effectOf(effects, "conversation.transfer").reason).toMatch(/support-hours/);
  });

  it("hands the customer to an agent when the schedule's time zone is unknown", () => {
    const conversation = run(mondayMorningNewYork, {
      "support-hours": { ...newYorkSchedule, timeZone: "Mars/Olympus_Mons" },
    });
    const effects = conversation.start();
    expect(conversation.status).toBe("transferred");
    expect(effectOf(effects, "conversation.transfer").reason).toMatch(/time zone/);
  });

  it.each([
    ["Friday 23:30, in the evening part", "2026-01-10T04:30:00Z", true],
    ["Saturday 01:30, in the part after midnight", "2026-01-10T06:30:00Z", true],
    ["Saturday 02:00, closed again", "2026-01-10T07:00:00Z", false],
    ["Friday 21:30, before it opens", "2026-01-10T02:30:00Z", false],
    ["Sunday 01:30, no night shift on Saturday", "2026-01-11T06:30:00Z", false],
  ])("keeps hours that cross midnight open into the next day: %s", (_when, iso, open) => {
    const nightShift: BusinessScheduleDefinition = {
      ...newYorkSchedule,
      hours: { friday: [{ start: "22:00", end: "02:00" }] },
    };
    const conversation = run(at(iso), { "support-hours": nightShift });
    expect(texts(conversation.start())[0]).toBe(open ? "We are open." : "We are closed right now.");
  });
});
