/**
 * Seeded mutations of request bodies, query strings and path parameters: the same seed sends the
 * same requests on every run, so a failure found once is found again.
 */

/** mulberry32: a small, well-spread generator; determinism matters here, not cryptographic quality. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let value = this.state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  }

  pick<Item>(items: readonly Item[]): Item {
    return items[Math.floor(this.next() * items.length)] as Item;
  }
}

/** A JSON text that cannot be a JavaScript value (a prototype key, deep nesting) is spliced in here. */
const rawMarker = "\u0001raw\u0001";
const deepArrays = `${"[".repeat(5000)}${"]".repeat(5000)}`;
const deepObjects = `${'{"a":'.repeat(3000)}1${"}".repeat(3000)}`;

type Replacement = { label: string; value: unknown; raw?: string } | { label: string; remove: true };

const replacements: Array<(current: unknown) => Replacement> = [
  (current) => ({ label: "wrong type", value: wrongType(current) }),
  () => ({ label: "NUL", value: "before\u0000after" }),
  () => ({ label: "lone high surrogate", value: "half \ud83d" }),
  () => ({ label: "lone low surrogate", value: "\udc00 half" }),
  () => ({ label: "huge string", value: "h".repeat(100_000) }),
  () => ({ label: "deep arrays", value: rawMarker, raw: deepArrays }),
  () => ({ label: "deep objects", value: rawMarker, raw: deepObjects }),
  () => ({ label: "__proto__ key", value: rawMarker, raw: '{"__proto__":{"polluted":true}}' }),
  () => ({
    label: "constructor key",
    value: rawMarker,
    raw: '{"constructor":{"prototype":{"polluted":true}}}',
  }),
  (current) => ({ label: "array for object", value: [current] }),
  () => ({ label: "missing", remove: true }),
  () => ({ label: "huge number", value: 1e308 }),
  () => ({ label: "negative number", value: -1 }),
  () => ({ label: "unsafe integer", value: rawMarker, raw: "9007199254740993" }),
  () => ({ label: "fraction", value: 0.5 }),
  () => ({ label: "beyond int4", value: 2147483648 }),
  () => ({ label: "empty string", value: "" }),
  () => ({ label: "null", value: null }),
  () => ({ label: "empty object", value: {} }),
  () => ({ label: "bidirectional text", value: "ℌ𝔢𝔩𝔩𝔬 \u202egnp.exe عربى 😀" }),
  () => ({ label: "numeric string", value: "99999999999999999999999" }),
  () => ({ label: "nil uuid", value: "00000000-0000-0000-0000-000000000000" }),
  () => ({ label: "impossible date", value: "2026-02-30T25:61:00Z" }),
];

function wrongType(current: unknown): unknown {
  if (typeof current === "string") return 12345;
  if (typeof current === "number") return "12";
  if (typeof current === "boolean") return "yes";
  if (Array.isArray(current)) return { 0: current[0] ?? null };
  if (current === null) return { unexpected: true };
  return ["not", "an", "object"];
}

type Path = Array<string | number>;

function pathsOf(value: unknown, path: Path = [], found: Path[] = []): Path[] {
  found.push(path);
  if (found.length > 400) return found;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) pathsOf(item, [...path, index], found);
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], found);
  }
  return found;
}

function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((current, key) => (current as Record<string | number, unknown>)?.[key], value);
}

function replaced(base: unknown, path: Path, replacement: Replacement): string {
  if (path.length === 0) {
    if ("remove" in replacement) return "";
    return JSON.stringify(replacement.value).replace(JSON.stringify(rawMarker), replacement.raw ?? "");
  }
  const copy = structuredClone(base) as Record<string | number, unknown>;
  const parent = valueAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path.at(-1) as string | number;
  if ("remove" in replacement) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else {
    parent[key] = replacement.value;
  }
  const text = JSON.stringify(copy);
  return "raw" in replacement && replacement.raw
    ? text.replace(JSON.stringify(rawMarker), replacement.raw)
    : text;
}

export interface BodyMutation {
  label: string;
  /** The JSON text sent; undefined sends no body at all. */
  payload: string | undefined;
}

/** The sample itself, whole-body breakages, then `count` seeded field mutations. */
export function bodyMutations(base: unknown, random: Random, count: number): BodyMutation[] {
  const mutations: BodyMutation[] = [
    { label: "sample", payload: JSON.stringify(base) },
    { label: "no body", payload: undefined },
    { label: "empty body", payload: "" },
    { label: "null body", payload: "null" },
    { label: "string body", payload: '"text"' },
    { label: "array body", payload: JSON.stringify([base]) },
    { label: "deep body", payload: deepArrays },
    { label: "unknown key", payload: JSON.stringify({ ...(base as object), unknownField: "x" }) },
  ];
  const paths = pathsOf(base);
  // The kinds of replacement come round in turn from a seeded start, so over the routes every kind
  // is sent even with fewer mutations per body than kinds; the place each lands is seeded too.
  const start = Math.floor(random.next() * replacements.length);
  for (let index = 0; index < count; index += 1) {
    const path = random.pick(paths);
    const replace = replacements[(start + index) % replacements.length] as (current: unknown) => Replacement;
    const replacement = replace(valueAt(base, path));
    mutations.push({
      label: `${replacement.label} at /${path.join("/")}`,
      payload: replaced(base, path, replacement),
    });
  }
  return mutations;
}

const queryValues = [
  "%00",
  "%ED%A0%80",
  "x".repeat(5000),
  "-1",
  "0",
  "1.5",
  "99999999999999999999",
  "1e400",
  "true",
  "",
  "%E0%A4%A",
  "00000000-0000-0000-0000-000000000000",
  // Cursors are base64url JSON: well-formed JSON of the wrong shape must not reach a query.
  Buffer.from("[1,2,3]").toString("base64url"),
  Buffer.from('{"a":null}').toString("base64url"),
  Buffer.from('["\\u0000",null]').toString("base64url"),
  Buffer.from('["x","not-a-uuid"]').toString("base64url"),
  Buffer.from("[null,null]").toString("base64url"),
  Buffer.from('["2026-99-99T00:00:00Z","00000000-0000-4000-8000-000000000000"]').toString("base64url"),
];

/** Query strings: each names one or two of the route's parameters with a hostile value, or repeats one. */
export function queryMutations(names: string[], random: Random, count: number): string[] {
  if (names.length === 0) return [];
  const queries: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const name = random.pick(names);
    const value = queryValues[index % queryValues.length] as string;
    queries.push(
      index % 5 === 4
        ? `${name}=1&${name}=2`
        : `${name}=${value}&${random.pick(names)}=${random.pick(queryValues)}`,
    );
  }
  return queries;
}

/** Path parameter values that are not the id expected; already percent-encoded. */
export const pathValues = [
  "%00",
  "%ED%A0%80",
  "A".repeat(2500),
  "not-an-id",
  "00000000-0000-0000-0000-000000000000",
  "..%2F..%2Fetc",
  "%F0%9F%98%80",
];
