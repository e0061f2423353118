import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ENGINE = join(import.meta.dirname, "../../src/engine");
const sources = readdirSync(ENGINE)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => ({ file: f, text: readFileSync(join(ENGINE, f), "utf8") }));

describe("the engine stays pure and self-contained", () => {
  it("has source files to check", () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it("imports only its own modules (./…)", () => {
    const outside = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+["']([^"']+)["']/gm)]
        .map((m) => m[1] as string)
        .filter((spec) => !spec.startsWith("./"))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(outside).toEqual([]);
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

describe("src/levels imports only the engine and its own modules", () => {
  const LEVELS = join(import.meta.dirname, "../../src/levels");
  const files = readdirSync(LEVELS)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => ({ file: f, text: readFileSync(join(LEVELS, f), "utf8") }));

  it("points only at ./, ../engine, zod and yaml; only the loader (and schema writer) touch files", () => {
    const bad = files.flatMap(({ file, text }) =>
      [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+["']([^"']+)["']/gm)]
        .map((m) => m[1] as string)
        .filter((spec) => {
          if (spec.startsWith("./") || spec === "../engine" || spec === "zod" || spec === "yaml") return false;
          return !(spec.startsWith("node:") && (file === "loader.ts" || file === "writeSchemas.ts"));
        })
        .map((spec) => `${file}: ${spec}`),
    );
    expect(bad).toEqual([]);
  });
});
