import type { z } from "zod";
import type { FieldPath } from "./pose";

/**
 * Zod's issues in words a level writer reads: `missing`, `unknown key "foo"`, `expected one of client, server`.
 * `plainError` is passed to safeParse as its error map; messages a schema sets itself ("cite at least one source")
 * take precedence over it, as zod orders them.
 */
export const plainError: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "missing" : `expected ${kindName(issue.expected)}, got ${valueName(issue.input)}`;
    case "invalid_value":
      return issue.values.length === 1
        ? `expected ${String(issue.values[0])}`
        : `expected one of ${issue.values.map(String).join(", ")}`;
    case "invalid_union":
      // A discriminated union names its discriminator's values; a plain one its branches' keys.
      if ("options" in issue && Array.isArray(issue.options)) {
        const one = `one of ${issue.options.map(String).join(", ")}`;
        const given = "discriminator" in issue ? (issue.input as Record<string, unknown> | undefined)?.[String(issue.discriminator)] : issue.input;
        return given === undefined ? `missing (${one})` : `expected ${one}`;
      }
      return unionMessage(issue.inst);
    case "unrecognized_keys":
      return issue.keys.map((k) => `unknown key ${JSON.stringify(k)}`).join(", ");
    case "too_small":
      return bound("at least", "more than", issue.origin, issue.minimum, issue.inclusive);
    case "too_big":
      return bound("at most", "less than", issue.origin, issue.maximum, issue.inclusive);
    case "invalid_format":
      return issue.format === "regex" && "pattern" in issue ? `must match ${String(issue.pattern)}` : `expected ${issue.format}`;
    case "not_multiple_of":
      return `must be a multiple of ${String(issue.divisor)}`;
    case "invalid_key":
      return "invalid key";
    case "invalid_element":
      return "invalid entry";
    case "custom":
      return "invalid";
    default:
      return undefined;
  }
};

/** One problem per issue, at its path; an unknown key is reported at the key itself, one per key. */
export interface PlainIssue {
  /** The field the message is about. */
  readonly path: FieldPath;
  /** Where to point in the file: the field, or for an unknown key the key. */
  readonly at: FieldPath;
  readonly message: string;
}

export function plainIssues(error: z.ZodError): PlainIssue[] {
  const out: PlainIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out.push({ path, at: [...path, key], message: `unknown key ${JSON.stringify(key)}` });
    } else {
      out.push({ path, at: path, message: issue.message });
    }
  }
  return out;
}

const KIND_NAMES: Readonly<Record<string, string>> = {
  string: "text",
  int: "a whole number",
  number: "a number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping (key: value)",
  record: "a mapping (key: value)",
};

function kindName(expected: string): string {
  return KIND_NAMES[expected] ?? expected;
}

function valueName(input: unknown): string {
  if (input === null) return "nothing (null)";
  if (Array.isArray(input)) return "a list";
  if (typeof input === "object") return "a mapping";
  if (typeof input === "string") return JSON.stringify(input);
  return String(input);
}

function bound(word: string, strict: string, origin: string, limit: unknown, inclusive: boolean | undefined): string {
  const n = Number(limit);
  const than = inclusive === false ? strict : word;
  switch (origin) {
    case "array":
    case "set":
      return n === 1 && word === "at least" ? "must not be empty" : `needs ${than} ${n} item${n === 1 ? "" : "s"}`;
    case "string":
      return n === 1 && word === "at least" ? "must not be empty" : `needs ${than} ${n} characters`;
    default:
      return `must be ${than} ${String(limit)}`;
  }
}

/** A union of objects, each told apart by its keys (`{ afterStep: N }` or `{ segment: N }`): name the keys. */
function unionMessage(inst: unknown): string {
  const options = (inst as { _zod?: { def?: { options?: unknown[] } } } | undefined)?._zod?.def?.options ?? [];
  const keys = options.map((o) => Object.keys((o as { _zod?: { def?: { shape?: object } } })._zod?.def?.shape ?? {}));
  if (keys.length > 0 && keys.every((k) => k.length > 0)) {
    return `expected ${keys.map((k) => `{ ${k.join(", ")} }`).join(" or ")}`;
  }
  return "matches none of the allowed forms";
}
