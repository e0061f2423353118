import { describe, expect, it } from "vitest";
import { impureLines, importsOf, sourcesIn } from "../fixtures/sources";

const engine = sourcesIn("engine");

describe("the engine stays pure and self-contained", () => {
  it("has source files to check", () => {
    expect(engine.length).toBeGreaterThan(10);
  });

  it("imports only its own modules (./…)", () => {
    const outside = importsOf(engine).filter((i) => !i.spec.startsWith("./"));
    expect(outside.map((i) => `${i.file}: ${i.spec}`)).toEqual([]);
  });

  it("uses no clock, no Math.random, no process, no I/O", () => {
    expect(impureLines(engine)).toEqual([]);
  });
});

describe("src/levels imports only the engine and its own modules", () => {
  it("points only at ./, ../engine, zod and the YAML parsers; only the loaders (and schema writer) touch files", () => {
    const parsers = ["zod", "yaml", "js-yaml"];
    const touchFiles = ["loader.ts", "compiled.ts", "writeSchemas.ts"];
    const bad = importsOf(sourcesIn("levels")).filter(({ file, spec }) => {
      if (spec.startsWith("./") || spec === "../engine" || parsers.includes(spec)) return false;
      return !(spec.startsWith("node:") && touchFiles.includes(file));
    });
    expect(bad.map((i) => `${i.file}: ${i.spec}`)).toEqual([]);
  });
});
