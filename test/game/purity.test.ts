import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { segmentLabel } from "../../src/game/describe";
import { segmentLabel as ladderLabel } from "../../src/ui/ladder";
import { builtInLevel } from "./builtInLevel";

const GAME = join(import.meta.dirname, "../../src/game");
const sources = readdirSync(GAME)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => ({ file: f, text: readFileSync(join(GAME, f), "utf8") }));
const imports = (text: string) => [...text.matchAll(/^\s*(import|export)( type)?[^'"]*from\s+["']([^"']+)["']/gm)];

describe("src/game stays pure", () => {
  it("imports only the engine, the levels and its own modules; the loader for its types only", () => {
    const bad = sources.flatMap(({ file, text }) =>
      imports(text)
        .filter(([, , type, spec = ""]) => {
          if (spec === "../levels/loader") return type === undefined;
          return !(spec.startsWith("./") || spec === "../engine" || spec.startsWith("../levels/"));
        })
        .map(([, , , spec]) => `${file}: ${spec}`),
    );
    expect(bad).toEqual([]);
  });

  it("uses no clock, no Math.random, no process, no I/O", () => {
    const banned = /\b(Date\.now|new Date|performance\.now|Math\.random|process\.|require\(|console\.)/;
    const hits = sources.flatMap(({ file, text }) =>
      text
        .split("\n")
        .filter((l) => !l.trim().startsWith("*") && !l.trim().startsWith("//") && banned.test(l))
        .map((l) => `${file}: ${l.trim()}`),
    );
    expect(hits).toEqual([]);
  });
});

describe("segmentLabel", () => {
  it("labels every segment of a level as the ladder does", async () => {
    const level = await builtInLevel("four-way-close-who-sends-what");
    for (const s of level.trace.segments) expect(segmentLabel(s)).toBe(ladderLabel(s));
  });
});
