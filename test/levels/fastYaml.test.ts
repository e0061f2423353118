/**
 * The quick YAML reader gives exactly what `yaml` gives (parseDocument(text).toJS()), or leaves the file to `yaml`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument, stringify } from "yaml";
import { quickYaml } from "../../src/levels/fastYaml";

const ROOT = join(import.meta.dirname, "../..");

/** What the loader got before: `yaml`'s data, or undefined when `yaml` finds an error. */
function slow(text: string): { data: unknown } | undefined {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) return undefined;
  try {
    return { data: doc.toJS() };
  } catch {
    return undefined;
  }
}

/** The quick reader agrees with `yaml`, or leaves the text to it. */
function agrees(text: string): boolean {
  const quick = quickYaml(text);
  if (quick === undefined) return true;
  const s = slow(text);
  return s !== undefined && isDeepStrictEqual(quick.data, s.data);
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

describe("quickYaml", () => {
  it("reads every file of the built-in pack and of the test packs that `yaml` reads, and gives the same data", () => {
    const files = [...yamlFiles(join(ROOT, "levels")), ...yamlFiles(join(ROOT, "test/fixtures/packs"))];
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const quick = quickYaml(text);
      const s = slow(text);
      // The pack's files all take the quick way: otherwise the speed-up is lost without anyone noticing.
      if (file.startsWith(join(ROOT, "levels")) || s !== undefined) expect(quick, file).toBeDefined();
      if (quick !== undefined) expect(isDeepStrictEqual(quick.data, s?.data), file).toBe(true);
    }
  });

  it("resolves plain scalars by yaml's YAML 1.2 core schema", () => {
    const scalars = [
      "~", "null", "Null", "NULL", "nULL", "", "true", "True", "TRUE", "tRUE", "false", "yes", "no", "on", "off",
      "0", "-0", "+12", "012", "0o17", "0o8", "0x1F", "0xg", "0b101", "1_000", "12345678901234567890",
      "1.5", "-.5", ".5", "1.", "1e3", "-1.5E-3", "1e400", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "NaN",
      "2001-12-14", "1:20", "=", "<<", "a b", "1 2", "-", "--", "...x",
    ];
    for (const s of scalars) {
      for (const text of [`a: ${s}\n`, `- ${s}\n`, `{a: ${s}}\n`, `[${s}]\n`]) expect(agrees(text), text).toBe(true);
    }
  });

  it("leaves directives, tags and anchors to yaml, and everything js-yaml refuses", () => {
    for (const text of ["%YAML 1.1\n---\na: yes\n", "a: !!float 1\n", "a: !x b\n", "a: &x 1\nb: *x\n", "a: *x\n", "", "# c\n"]) {
      expect(quickYaml(text), text).toBeUndefined();
    }
    for (const text of ["a: 1\na: 2\n", "a:\n\tb: 1\n", "a: [1\n", "a: 1\n---\nb: 2\n", "a: 'x\n"]) {
      expect(quickYaml(text), text).toBeUndefined();
    }
  });

  it("agrees with yaml on whatever yaml writes, in every style", () => {
    const key = fc.string({ minLength: 1, maxLength: 8 });
    const value = fc.letrec((tie) => ({
      any: fc.oneof(
        { depthSize: "small" },
        fc.string(),
        fc.string({ unit: "grapheme" }),
        fc.constantFrom("true", "null", "0x10", "1e3", "-.5", " lead", "trail ", "a: b", "#x", "- x", "x\ny", "x\n\ny\n"),
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie("any"), { maxLength: 4 }),
        fc.dictionary(key, tie("any"), { maxKeys: 4 }),
      ),
    })).any;
    const options = fc.record({
      defaultStringType: fc.constantFrom("PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_LITERAL", "BLOCK_FOLDED"),
      defaultKeyType: fc.constantFrom(null, "PLAIN", "QUOTE_DOUBLE"),
      collectionStyle: fc.constantFrom("any", "block", "flow"),
      lineWidth: fc.constantFrom(0, 20, 80),
      indent: fc.constantFrom(2, 4),
    } as const);
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 6 }), options, (data, o) => agrees(stringify(data, o))),
      { numRuns: 500 },
    );
  });
});
