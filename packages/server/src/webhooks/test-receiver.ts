import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * What docs/webhooks.md tells receivers to do, word for word: recompute the signature over
 * `<timestamp>.<body>` with each secret held, compare in constant time, and refuse old timestamps.
 */
export function verifyParleySignature(
  secret: string,
  headers: IncomingHttpHeaders,
  body: string,
  toleranceSeconds = 300,
): boolean {
  const timestamp = Number(headers["x-parley-timestamp"]);
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds)
    return false;
  const expected = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest();
  return String(headers["x-parley-signature"] ?? "")
    .split(",")
    .map((part) => Buffer.from(part.trim().replace(/^v1=/, ""), "hex"))
    .some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected));
}

export interface ReceivedDelivery {
  headers: IncomingHttpHeaders;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read the payload's fields as they come.
  json: any;
  /** Which of the receiver's secrets the signature matched (by index), -1 for none. */
  matchedSecret: number;
}

/** A webhook receiver on 127.0.0.1 that records each request and answers as the test says. */
export interface TestReceiver {
  url: string;
  /** The secrets the receiver checks signatures with. */
  secrets: string[];
  received: ReceivedDelivery[];
  /** The status of the next answers, in order; 200 once they run out. */
  answers: number[];
  close(): Promise<void>;
}

export async function startTestReceiver(path = "/parley-hook"): Promise<TestReceiver> {
  const receiver: Omit<TestReceiver, "url" | "close"> = { secrets: [], received: [], answers: [] };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      receiver.received.push({
        headers: request.headers,
        body,
        json: JSON.parse(body),
        matchedSecret: receiver.secrets.findIndex((secret) =>
          verifyParleySignature(secret, request.headers, body),
        ),
      });
      const status = receiver.answers.shift() ?? 200;
      response.writeHead(status, { "content-type": "text/plain" });
      response.end(status < 300 ? "thanks" : `refused with ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
