import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  createTestServer,
  type TestOrganization,
  type TestServer,
  testDatabases,
} from "../../test/test-server.ts";

/** The cost (N) of every scrypt run, in order: how much password-checking work each answer took. */
const scryptCosts = vi.hoisted(() => [] as number[]);

vi.mock("node:crypto", async (importOriginal) => {
  const original = await importOriginal<typeof import("node:crypto")>();
  const scrypt = (...args: Parameters<typeof original.scrypt>) => {
    const options = args[3];
    if (typeof options === "object" && options !== null && "N" in options)
      scryptCosts.push(Number(options.N));
    return original.scrypt(...args);
  };
  return { ...original, default: { ...original, scrypt }, scrypt };
});

const limits = { failuresPerAccount: 5, failuresPerAddress: 8 };

describe.each(testDatabases)("sign-in on %s", (kind) => {
  let server: TestServer;
  let organization: TestOrganization;
  let addressCounter = 0;

  beforeAll(async () => {
    server = await createTestServer(kind, { manualClock: true, signInLimits: limits });
    organization = await server.organization("Sign-in");
  });
  afterAll(() => server.close());

  /** Each test signs in from an address of its own, so the per-address budget is its own too. */
  const newAddress = () => {
    addressCounter += 1;
    return `198.51.100.${addressCounter}`;
  };
  const signIn = (address: string, payload: { email: string; password: string; organizationId?: string }) =>
    server.request(null, { method: "POST", url: "/v1/session", payload, remoteAddress: address });
  const later = (milliseconds: number) => server.clock?.setTime(server.clock.now() + milliseconds);

  it("checks a password at full cost for an unknown email or organization, as for a known one", async () => {
    const address = newAddress();
    const known = await organization.user("agent");
    const answers: number[][] = [];
    for (const payload of [
      { ...known, password: "wrong password!" },
      { ...known, email: `nobody-${randomUUID()}@example.com` },
      { ...known, organizationId: randomUUID() },
    ]) {
      scryptCosts.length = 0;
      expect((await signIn(address, payload)).statusCode).toBe(401);
      answers.push([...scryptCosts]);
    }
    expect(answers[0]).toEqual([2 ** 15]);
    expect(answers).toEqual([answers[0], answers[0], answers[0]]);
  });

  it("locks an account out after repeated failures, with Retry-After growing each time", async () => {
    const credentials = await organization.user("agent");
    const wrong = { ...credentials, password: "wrong password!" };
    for (let attempt = 1; attempt <= limits.failuresPerAccount; attempt += 1) {
      // From different addresses: the account's own count locks it, wherever guesses come from.
      expect((await signIn(newAddress(), wrong)).statusCode).toBe(401);
    }
    const locked = await signIn(newAddress(), credentials);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers["retry-after"]).toBe("60");
    expect(locked.json().error.code).toBe("rate_limited");

    await later(61_000);
    expect((await signIn(newAddress(), wrong)).statusCode).toBe(401);
    const lockedLonger = await signIn(newAddress(), credentials);
    expect(lockedLonger.statusCode).toBe(429);
    expect(lockedLonger.headers["retry-after"]).toBe("120");

    await later(121_000);
    expect((await signIn(newAddress(), credentials)).statusCode).toBe(200);
  });

  it("locks an unknown email out the same way, so a lockout tells nothing", async () => {
    const address = newAddress();
    const unknown = {
      email: `nobody-${randomUUID()}@example.com`,
      password: "a guess",
      organizationId: organization.id,
    };
    for (let attempt = 1; attempt <= limits.failuresPerAccount; attempt += 1) {
      expect((await signIn(address, unknown)).statusCode).toBe(401);
    }
    expect((await signIn(address, unknown)).statusCode).toBe(429);
  });

  it("starts an account afresh after a successful sign-in", async () => {
    const credentials = await organization.user("manager");
    const wrong = { ...credentials, password: "wrong password!" };
    const guess = async () => (await signIn(newAddress(), wrong)).statusCode;
    for (let attempt = 1; attempt < limits.failuresPerAccount; attempt += 1) expect(await guess()).toBe(401);
    expect((await signIn(newAddress(), credentials)).statusCode).toBe(200);
    for (let attempt = 1; attempt <= limits.failuresPerAccount; attempt += 1) expect(await guess()).toBe(401);
    expect(await guess()).toBe(429);
  });

  it("locks an address out after failures on many accounts", async () => {
    const address = newAddress();
    for (let attempt = 1; attempt <= limits.failuresPerAddress; attempt += 1) {
      const guess = {
        email: `guess-${attempt}@example.com`,
        password: "a guess",
        organizationId: organization.id,
      };
      expect((await signIn(address, guess)).statusCode).toBe(401);
    }
    const credentials = await organization.user("agent");
    const refused = await signIn(address, credentials);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect((await signIn(newAddress(), credentials)).statusCode).toBe(200);
  });

  it("lets only the allowed number of guesses through when they arrive at once", async () => {
    const credentials = await organization.user("agent");
    const wrong = { ...credentials, password: "wrong password!" };
    const answers = await Promise.all(Array.from({ length: 12 }, () => signIn(newAddress(), wrong)));
    const statuses = answers.map((answer) => answer.statusCode).sort();
    expect(statuses.filter((status) => status === 401)).toHaveLength(limits.failuresPerAccount);
    expect(statuses.filter((status) => status === 429)).toHaveLength(12 - limits.failuresPerAccount);
  });
});
