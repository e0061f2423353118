import { DEFAULT_OPTIONS, type KeepaliveOptions, LINUX_KEEPALIVE, type Options } from "./options";
import type { EndpointSetup, Scenario, ScenarioStep, Verb } from "./scenario";
import { VERBS } from "./scenario";
import { formatFlags, parseFlags, type Side } from "./segment";

/**
 * Validates a scenario as `JSON.parse` returns it and builds the typed `Scenario` (the contract is in scenario.ts).
 * Pure. The first problem in document order is reported as one line that starts with where it is:
 *   steps[3].send.bytes: expected a whole number ≥ 1, got "x"
 */
export function parseScenario(input: unknown): { ok: true; scenario: Scenario } | { ok: false; error: string } {
  try {
    return { ok: true, scenario: scenario(input) };
  } catch (e) {
    if (e instanceof ScenarioError) return { ok: false, error: e.message };
    throw e;
  }
}

/** Thrown by `fail` and caught only by parseScenario: the first error ends the walk. */
class ScenarioError extends Error {}

function fail(path: string, message: string): never {
  throw new ScenarioError(`${path}: ${message}`);
}

const MAX_ISN = 4294967295;
const TOP_LEVEL_KEYS = ["client", "server", "options", "steps", "$schema", "name", "description"];

function scenario(input: unknown): Scenario {
  const root = object(input, "scenario", "expected a JSON object");
  let client: EndpointSetup = {};
  let server: EndpointSetup = {};
  let options: Options = { ...DEFAULT_OPTIONS };
  let steps: ScenarioStep[] | undefined;
  for (const [key, value] of Object.entries(root)) {
    switch (key) {
      case "client":
      case "server": {
        const setup = endpointSetup(value, key);
        if (key === "client") client = setup;
        else server = setup;
        break;
      }
      case "options":
        options = parseOptions(value);
        break;
      case "steps":
        steps = parseSteps(value);
        break;
      // Documentation only: an editor's schema reference, a title, a description.
      case "$schema":
      case "name":
      case "description":
        if (typeof value !== "string") fail(key, `expected a string, got ${show(value)}`);
        break;
      default:
        fail(at("", key), `unknown key (expected one of ${TOP_LEVEL_KEYS.join(", ")})`);
    }
  }
  if (steps === undefined) fail("steps", "missing (expected an array of steps)");
  return { client, server, options, steps };
}

// ---- client and server ------------------------------------------------------------------------------------------

function endpointSetup(value: unknown, path: string): EndpointSetup {
  const o = object(value, path, 'expected an object such as {"isn":1000}');
  let setup: EndpointSetup = {};
  for (const [key, v] of Object.entries(o)) {
    if (key !== "isn") fail(at(path, key), 'unknown key (expected "isn")');
    if (!isWhole(v) || v < 0 || v > MAX_ISN) {
      fail(`${path}.isn`, `expected a whole number from 0 to ${MAX_ISN}, got ${show(v)}`);
    }
    setup = { isn: v };
  }
  return setup;
}

// ---- options ----------------------------------------------------------------------------------------------------

type Rule<T> = (value: unknown, path: string) => T;

const seconds: Rule<number> = (v, path) => {
  if (!isFiniteNumber(v) || v < 0) fail(path, `expected a number of seconds ≥ 0, got ${show(v)}`);
  return v;
};

const wholeAtLeast =
  (min: number): Rule<number> =>
  (v, path) => {
    if (!isWhole(v) || v < min) fail(path, `expected a whole number ≥ ${min}, got ${show(v)}`);
    return v;
  };

const boolean: Rule<boolean> = (v, path) => {
  if (typeof v !== "boolean") fail(path, `expected true or false, got ${show(v)}`);
  return v;
};

const positiveSeconds: Rule<number> = (v, path) => {
  if (!isFiniteNumber(v) || v <= 0) fail(path, `expected a number of seconds > 0, got ${show(v)}`);
  return v;
};

const KEEPALIVE_RULES: { readonly [K in keyof KeepaliveOptions]: Rule<KeepaliveOptions[K]> } = {
  idle: positiveSeconds,
  interval: positiveSeconds,
  probes: wholeAtLeast(1),
};

/** `true` means Linux's timers; an object overrides some of them. */
const keepalive: Rule<KeepaliveOptions | false> = (v, path) => {
  if (v === false) return false;
  if (v === true) return LINUX_KEEPALIVE;
  const o = object(v, path, 'expected true, false or an object such as {"idle":60,"interval":10,"probes":3}');
  const merged: Record<string, unknown> = { ...LINUX_KEEPALIVE };
  for (const [key, value] of Object.entries(o)) {
    const rule = own(KEEPALIVE_RULES, key);
    if (!rule) fail(at(path, key), `unknown key (expected one of ${Object.keys(KEEPALIVE_RULES).join(", ")})`);
    merged[key] = rule(value, `${path}.${key}`);
  }
  return merged as unknown as KeepaliveOptions;
};

/** One rule per option: the mapped type makes a new option in options.ts a compile error here until it has one. */
const OPTION_RULES: { readonly [K in keyof Options]: Rule<Options[K]> } = {
  timeWait: seconds,
  delayedAck: boolean,
  delayedAckTimeout: seconds,
  quickAcks: wholeAtLeast(0),
  rtoInitial: seconds,
  rtoMin: seconds,
  rtoMax: seconds,
  synRetries: wholeAtLeast(0),
  synLinearTimeouts: wholeAtLeast(0),
  synackRetries: wholeAtLeast(0),
  retries2: wholeAtLeast(0),
  orphanRetries: wholeAtLeast(0),
  finTimeout: seconds,
  keepalive,
  autoRead: boolean,
  mss: wholeAtLeast(1),
  invalidRatelimit: seconds,
  window: wholeAtLeast(1),
};

function parseOptions(value: unknown): Options {
  const o = object(value, "options", 'expected an object such as {"timeWait":60}');
  const merged: Record<string, unknown> = { ...DEFAULT_OPTIONS };
  for (const [key, v] of Object.entries(o)) {
    const rule = own(OPTION_RULES, key);
    if (!rule) fail(at("options", key), `unknown option (expected one of ${Object.keys(DEFAULT_OPTIONS).join(", ")})`);
    merged[key] = rule(v, `options.${key}`);
  }
  return merged as unknown as Options;
}

// ---- steps ------------------------------------------------------------------------------------------------------

function parseSteps(value: unknown): ScenarioStep[] {
  if (!Array.isArray(value)) fail("steps", `expected an array of steps, got ${show(value)}`);
  return value.map((v: unknown, i) => parseStep(v, `steps[${i}]`));
}

function parseStep(value: unknown, path: string): ScenarioStep {
  const o = object(value, path, 'expected an object with one verb, such as {"listen":"server"}');
  const keys = Object.keys(o);
  if (keys.length !== 1) {
    const names = keys.map(keyName).join(", ");
    fail(path, `a step has exactly one verb, got ${keys.length}${keys.length > 0 ? ` (${names})` : ""}`);
  }
  const key = keys[0] as string;
  if (!isVerb(key)) fail(path, `unknown verb ${JSON.stringify(key)} (expected one of ${VERBS.join(", ")})`);
  const arg = o[key];
  const here = `${path}.${key}`;
  switch (key) {
    case "listen":
    case "connect":
    case "read":
    case "close":
    case "shutdown":
    case "abort":
      return { verb: key, sides: sides(arg, here) };
    case "send": {
      const spec = { side: SIDE_EXPECTED, bytes: "a whole number ≥ 1" };
      const f = fields(arg, here, spec, '{"side":"client","bytes":100}');
      return { verb: "send", side: side(f.side, `${here}.side`), bytes: wholeAtLeast(1)(f.bytes, `${here}.bytes`) };
    }
    case "lose": {
      const spec = { from: SIDE_EXPECTED, flags: FLAGS_EXPECTED, count: false } as const;
      const f = fields(arg, here, spec, '{"from":"client","flags":"A"}');
      return {
        verb: "lose",
        from: side(f.from, `${here}.from`),
        flags: lossFlags(f.flags, `${here}.flags`),
        count: f.count === undefined ? 1 : wholeAtLeast(1)(f.count, `${here}.count`),
      };
    }
    case "wait":
      return { verb: "wait", seconds: seconds(arg, here) };
    case "bind": {
      const f = fields(arg, here, { side: SIDE_EXPECTED, reuseaddr: false }, '{"side":"server","reuseaddr":true}');
      return {
        verb: "bind",
        side: side(f.side, `${here}.side`),
        reuseaddr: f.reuseaddr === undefined ? false : boolean(f.reuseaddr, `${here}.reuseaddr`),
      };
    }
  }
}

/**
 * The fields of a verb's object, in document order: unknown keys and wrong values are reported where they are,
 * missing required fields after the ones present. `spec` maps each required field to what it expects, and each
 * optional one to false.
 */
function fields<K extends string>(
  value: unknown,
  path: string,
  spec: Record<K, string | false>,
  example: string,
): Partial<Record<K, unknown>> {
  const o = object(value, path, `expected an object such as ${example}`);
  const names = Object.keys(spec) as K[];
  for (const key of Object.keys(o)) {
    if (!(names as string[]).includes(key)) fail(at(path, key), `unknown key (expected one of ${names.join(", ")})`);
  }
  for (const name of names) {
    const expected = spec[name];
    if (expected !== false && !Object.hasOwn(o, name)) fail(`${path}.${name}`, `missing (expected ${expected})`);
  }
  return o as Partial<Record<K, unknown>>;
}

const SIDE_EXPECTED = '"client" or "server"';
const FLAGS_EXPECTED = 'flag letters from S, F, R, P, A, each at most once (such as "FA")';

function side(value: unknown, path: string): Side {
  if (typeof value !== "string") fail(path, `expected ${SIDE_EXPECTED}, got ${show(value)}`);
  if (value !== "client" && value !== "server") fail(path, `unknown side ${show(value)} (expected ${SIDE_EXPECTED})`);
  return value;
}

/** A side, or a non-empty array of distinct sides (both sides call before anything is delivered). */
function sides(value: unknown, path: string): Side[] {
  if (typeof value === "string") return [side(value, path)];
  if (!Array.isArray(value)) fail(path, `expected "client", "server" or an array of them, got ${show(value)}`);
  if (value.length === 0) fail(path, 'expected at least one side, got []');
  const out: Side[] = [];
  value.forEach((v: unknown, i) => {
    const s = side(v, `${path}[${i}]`);
    if (out.includes(s)) fail(`${path}[${i}]`, `${show(s)} appears twice`);
    out.push(s);
  });
  return out;
}

/** Loss rules match the trace's flag string exactly, so store it in the trace's order ("AF" becomes "FA"). */
function lossFlags(value: unknown, path: string): string {
  const parsed = typeof value === "string" && value !== "" ? parseFlags(value) : undefined;
  if (!parsed) fail(path, `expected ${FLAGS_EXPECTED}, got ${show(value)}`);
  return formatFlags(parsed);
}

// ---- helpers ----------------------------------------------------------------------------------------------------

function object(value: unknown, path: string, expected: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    fail(path, `${expected}, got ${show(value)}`);
  }
  return value as Record<string, unknown>;
}

function own<T extends object>(table: T, key: string): T[keyof T] | undefined {
  return Object.hasOwn(table, key) ? table[key as keyof T] : undefined;
}

function isVerb(key: string): key is Verb {
  return (VERBS as readonly string[]).includes(key);
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

function isWhole(v: unknown): v is number {
  return typeof v === "number" && Number.isSafeInteger(v);
}

/** A path one key deeper: `options.timeWait`, or `options["time wait"]` for a key that is not a plain name. */
function at(path: string, key: string): string {
  if (!isPlainName(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === "" ? key : `${path}.${key}`;
}

function keyName(key: string): string {
  return isPlainName(key) ? key : JSON.stringify(key);
}

function isPlainName(key: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(key);
}

/** A value as the error message quotes it: JSON, shortened. */
function show(v: unknown): string {
  if (v === undefined) return "nothing";
  if (typeof v === "number") return String(v);
  let text: string;
  try {
    text = JSON.stringify(v) ?? String(v);
  } catch {
    text = String(v);
  }
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
