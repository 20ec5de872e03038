import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadSecretKey, secretKeyFileName } from "./secret-key.ts";

describe("loadSecretKey", () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(path.join(tmpdir(), "parley-secret-"));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it("takes PARLEY_SECRET_KEY when it is set", async () => {
    const secretKey = "an operator's secret key, 32 characters or more";
    expect(await loadSecretKey({ secretKey, dataDirectory: directory })).toEqual({
      secretKey,
      origin: "PARLEY_SECRET_KEY",
    });
    expect(
      await loadSecretKey({ secretKey, databaseUrl: "postgres://db/parley", dataDirectory: directory }),
    ).toMatchObject({ origin: "PARLEY_SECRET_KEY" });
  });

  it("makes one for the embedded database at the first start, readable by its owner only, and keeps it", async () => {
    const first = await loadSecretKey({ dataDirectory: directory });
    const file = path.join(directory, secretKeyFileName);
    expect(first).toEqual({ secretKey: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), origin: file });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await loadSecretKey({ dataDirectory: directory })).toEqual(first);
  });

  it("has none for PostgreSQL or an in-memory database without PARLEY_SECRET_KEY", async () => {
    expect(await loadSecretKey({ databaseUrl: "postgres://db/parley", dataDirectory: directory })).toBeNull();
    expect(await loadSecretKey({ dataDirectory: "memory://" })).toBeNull();
  });

  it("stops on a key file that holds no usable key", async () => {
    await writeFile(path.join(directory, secretKeyFileName), "short\n");
    await expect(loadSecretKey({ dataDirectory: directory })).rejects.toThrow(/at least 32 characters/);
    expect(await readFile(path.join(directory, secretKeyFileName), "utf8")).toBe("short\n");
  });
});
