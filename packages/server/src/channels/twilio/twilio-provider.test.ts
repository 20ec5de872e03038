import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTwilioProvider, type TwilioProvider } from "../../../test/providers/twilio-provider.ts";
import { smsSegmentsOf } from "../messaging/message-text.ts";
import { accountSid, authToken, businessNumber, customerNumber } from "./test-fixtures.ts";

/** The local Twilio must refuse what the real one refuses, or end-to-end tests prove nothing. */
describe("the local Twilio's Messages API", () => {
  let provider: TwilioProvider;
  const basic = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`;

  beforeAll(async () => {
    provider = await startTwilioProvider({ accountSid, authToken });
  });
  afterAll(() => provider.close());

  async function post(
    fields: Record<string, string>,
    path = `/2010-04-01/Accounts/${accountSid}/Messages.json`,
  ) {
    const response = await fetch(`${provider.url}${path}`, {
      method: "POST",
      headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it("answers 201 with a message resource shaped like Twilio's", async () => {
    const body = "Ñandú: your parcel is on its way";
    const { status, body: resource } = await post({ To: customerNumber, From: businessNumber, Body: body });
    expect(status).toBe(201);
    expect(resource).toMatchObject({
      account_sid: accountSid,
      api_version: "2010-04-01",
      body,
      direction: "outbound-api",
      from: businessNumber,
      to: customerNumber,
      status: "queued",
      num_media: "0",
      num_segments: String(smsSegmentsOf(body).segments),
      sid: expect.stringMatching(/^SM[0-9a-f]{32}$/),
      date_created: expect.stringMatching(
        /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/,
      ),
    });
    expect(resource.uri).toBe(`/2010-04-01/Accounts/${accountSid}/Messages/${resource.sid}.json`);
  });

  it.each([
    [{ From: businessNumber, Body: "Hi" }, 21604],
    [{ To: customerNumber, Body: "Hi" }, 21603],
    [{ To: customerNumber, From: businessNumber }, 21602],
    [{ To: `whatsapp:${customerNumber}`, From: businessNumber, Body: "Hi" }, 21910],
    [{ To: customerNumber, From: "+0", Body: "Hi" }, 21212],
  ])("refuses %j with Twilio's error %s", async (fields, code) => {
    const { status, body } = await post(fields);
    expect(status).toBe(400);
    expect(body).toMatchObject({
      code,
      status: 400,
      more_info: `https://www.twilio.com/docs/errors/${code}`,
    });
  });

  it("refuses another account's path and unknown paths as Twilio does", async () => {
    const fields = { To: customerNumber, From: businessNumber, Body: "Hi" };
    expect(
      await post(fields, "/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json"),
    ).toMatchObject({
      status: 401,
      body: { code: 20003 },
    });
    expect(await post(fields, "/2010-04-01/Messages.json")).toMatchObject({
      status: 404,
      body: { code: 20404 },
    });
  });

  it("says how many messages it got when a wait runs out", async () => {
    await expect(provider.waitForMessages(provider.sent.length + 1, 50)).rejects.toThrow(
      `Twilio received ${provider.sent.length} of ${provider.sent.length + 1} messages within 50 ms`,
    );
  });
});
