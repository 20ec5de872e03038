/**
 * JSON over keep-alive HTTP/1.1 with node:http: lighter per request than fetch, which
 * matters because the load generator shares the machine's two cores with the server.
 */
import http from "node:http";

export interface JsonResponse {
  status: number;
  body: unknown;
}

export function keepAliveAgent(maximumSockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: maximumSockets, maxFreeSockets: maximumSockets });
}

export function postJson(
  agent: http.Agent,
  url: URL,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          try {
            resolve({ status: response.statusCode ?? 0, body: text === "" ? null : JSON.parse(text) });
          } catch {
            resolve({ status: response.statusCode ?? 0, body: text });
          }
        });
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}
