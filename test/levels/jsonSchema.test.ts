import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { schemaFiles } from "../../src/levels/jsonSchema";

const LEVELS = join(import.meta.dirname, "../../levels");

describe("the committed JSON Schemas are the ones generated from src/levels/schema.ts", () => {
  it.each(schemaFiles().map((f) => [f.name, f.text]))("levels/%s (npm run schema rewrites it)", async (name, text) => {
    expect(await readFile(join(LEVELS, name), "utf8")).toBe(text);
  });

  it("a puzzle's kinds are told apart by ask, and every text needs both languages", () => {
    const level = JSON.parse(schemaFiles()[0]?.text ?? "{}") as { $defs: Record<string, { oneOf?: unknown[]; required?: string[] }> };
    expect(level.$defs.Puzzle?.oneOf).toHaveLength(7);
    expect(level.$defs.Localized?.required).toEqual(["en", "zh-CN"]);
  });
});
