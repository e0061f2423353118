import {
  defineScalarTag,
  load,
  mapTag,
  NOT_RESOLVED,
  Schema,
  seqTag,
  strTag,
} from "js-yaml";

/**
 * The quick way to read a level file: js-yaml, which parses the whole pack three to four times faster than the
 * `yaml` package in a program that has just started (its code is small and warms up at once). The loader still uses
 * `yaml` (parseDocument) whenever it needs lines, for every file with a problem, so that problems read exactly as
 * they always have; this is only for files that turn out valid.
 *
 * To give the very same values as `yaml`, plain scalars resolve with the rules of `yaml`'s YAML 1.2 core schema
 * (copied below from yaml/dist/schema/core and common/null.js), in its order. A file using what the two could read
 * differently (a directive, a tag, an anchor) is left to `yaml`: quickYaml gives undefined, as it does for anything
 * js-yaml cannot parse.
 */

type Rule = readonly [test: RegExp, value: (s: string) => unknown];

/** A tag of the core schema; its rules are tried in order. Load only: nothing is ever written with it. */
const tag = (name: string, ...rules: readonly Rule[]) =>
  defineScalarTag(`tag:yaml.org,2002:${name}`, {
    implicit: true,
    identify: () => false,
    resolve: (s) => {
      for (const [test, value] of rules) if (test.test(s)) return value(s);
      return NOT_RESOLVED;
    },
  });

// yaml's core schema: null, bool, intOct, int, intHex, floatNaN, floatExp, float; the first that matches wins.
const CORE = [
  tag("null", [/^(?:~|[Nn]ull|NULL)?$/, () => null]),
  tag("bool", [/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === "t" || s[0] === "T"]),
  tag(
    "int",
    [/^0o[0-7]+$/, (s) => Number.parseInt(s.substring(2), 8)],
    [/^[-+]?[0-9]+$/, (s) => Number.parseInt(s, 10)],
    [/^0x[0-9a-fA-F]+$/, (s) => Number.parseInt(s.substring(2), 16)],
  ),
  tag(
    "float",
    [
      /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      (s) =>
        s.slice(-3).toLowerCase() === "nan" ? Number.NaN : s[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
    ],
    [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (s) => Number.parseFloat(s)],
    [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (s) => Number.parseFloat(s)],
  ),
];

const SCHEMA = new Schema([strTag, seqTag, mapTag, ...CORE]);

/**
 * A directive line (%YAML 1.1 changes how scalars resolve), a tag (!!float 1, !custom) or an anchor (aliases: `yaml`
 * counts them against resource exhaustion, js-yaml shares them). Text that merely looks like one ("R & D !") costs
 * only the slower parse.
 */
const LEFT_TO_YAML = /^%|(?:^|[\s[{,])(?:!|&\S)/m;

/** The data of a YAML file, as `yaml`'s parseDocument(text).toJS() gives it; undefined when only `yaml` may say. */
export function quickYaml(text: string): { readonly data: unknown } | undefined {
  if (LEFT_TO_YAML.test(text)) return undefined;
  try {
    return { data: load(text, { schema: SCHEMA, maxAliases: 0 }) };
  } catch {
    return undefined;
  }
}
