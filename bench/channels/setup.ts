/**
 * What an operator does before customers can text: create the SMS tutorial, publish it, make it
 * the brand's SMS default, and create the Twilio connection pointing at the stand-in. All through
 * the public API, with the admin key the server printed.
 */
export interface ChannelsServer {
  address: string;
  key: string;
  brandId: string;
  databaseName: string | null;
}

export interface TwilioAccount {
  accountSid: string;
  authToken: string;
  /** The business's number customers text. */
  number: string;
  apiBaseUrl: string;
}

async function call(server: ChannelsServer, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(new URL(path, server.address), {
    method,
    headers: {
      authorization: `Bearer ${server.key}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text === "" ? null : JSON.parse(text);
}

/** Returns the webhook URL to give Twilio. */
export async function connectSmsTutorial(server: ChannelsServer, account: TwilioAccount): Promise<string> {
  const assistant = (await call(server, "POST", "/v1/assistants", {
    internalName: "SMS tutorial",
    channel: "sms",
    type: "lite",
    template: "tutorial",
  })) as { id: string };
  await call(server, "POST", `/v1/assistants/${assistant.id}/publish`);
  await call(server, "PUT", `/v1/default-assistants/${server.brandId}/sms`, { assistantId: assistant.id });
  const connection = (await call(server, "POST", "/v1/channel-connections", {
    name: "Support line",
    brandId: server.brandId,
    provider: "twilio",
    kind: "sms",
    address: account.number,
    credentials: { accountSid: account.accountSid, authToken: account.authToken },
    apiBaseUrl: account.apiBaseUrl,
  })) as { webhookUrl: string };
  return connection.webhookUrl;
}
