import { describe, expect, it } from "vitest";
import { type Env, type PlayOptions, noColorRequested, startGame } from "../../src/cli/game";
import { memoryProgressStore } from "../../src/store/progress";

const options = (color: boolean): PlayOptions => ({
  chapters: [],
  store: memoryProgressStore(),
  lang: "en",
  color,
  notices: [],
});

/** Starts the game with a stand-in UI that records the environment as it was when the UI loaded. */
async function envAtLoad(color: boolean, env: Env): Promise<Env> {
  let seen: Env | undefined;
  await startGame(options(color), env, async () => {
    seen = { ...env };
    return { play: async () => {} };
  });
  if (!seen) throw new Error("the UI was not loaded");
  return seen;
}

describe("the environment is set before the UI loads", () => {
  it("colour off: FORCE_COLOR=0, which Ink's colour library reads as it loads", async () => {
    expect((await envAtLoad(false, {})).FORCE_COLOR).toBe("0");
  });

  it("colour on: FORCE_COLOR is left alone", async () => {
    expect((await envAtLoad(true, { FORCE_COLOR: "3" })).FORCE_COLOR).toBe("3");
    expect((await envAtLoad(true, {})).FORCE_COLOR).toBeUndefined();
  });

  it("CI is set to 0 before Ink loads, so that Ink draws every frame in the terminal it was given", async () => {
    expect((await envAtLoad(true, { CI: "true", CONTINUOUS_INTEGRATION: "1" })).CI).toBe("0");
    // is-in-ci also counts any CI_* variable, unless CI is "0".
    expect((await envAtLoad(true, { CI_JOB_ID: "7" })).CI).toBe("0");
    expect((await envAtLoad(true, {})).CI).toBe("0");
  });

  it("plays with the options it was given", async () => {
    let played: PlayOptions | undefined;
    const o = options(true);
    await startGame(o, {}, async () => ({ play: async (x) => void (played = x) }));
    expect(played).toBe(o);
  });
});

describe("NO_COLOR", () => {
  it.each([
    [{ NO_COLOR: "1" }, true],
    [{ NO_COLOR: "0" }, true],
    [{ NO_COLOR: "" }, false],
    [{}, false],
  ])("%j → %s", (env, off) => {
    expect(noColorRequested(env)).toBe(off);
  });
});

describe("the CLI loads no UI library until the game starts", () => {
  it("no module reachable from src/cli (main.ts and the commands it loads lazily) by static imports is Ink, React or a .tsx file", async () => {
    const { readFileSync, existsSync } = await import("node:fs");
    const { dirname, join, resolve } = await import("node:path");
    const root = resolve(import.meta.dirname, "../../src");
    const seen = new Set<string>();
    const bad: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, "utf8");
      // Static imports and re-exports, type-only ones excepted (they are erased); import() is not matched.
      for (const m of text.matchAll(/^\s*(import|export)(?!\s+type\b)[^'"]*?from\s+["']([^"']+)["']/gm)) {
        const spec = m[2] as string;
        if (!spec.startsWith(".")) {
          if (/^(ink|react|ink-|react-)/.test(spec)) bad.push(`${file}: ${spec}`);
          continue;
        }
        const base = join(dirname(file), spec);
        const found = [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find((f) => existsSync(f));
        if (!found) continue;
        if (found.endsWith(".tsx")) bad.push(`${file}: ${spec}`);
        else visit(found);
      }
    };
    const { readdirSync } = await import("node:fs");
    for (const f of readdirSync(join(root, "cli")).filter((f) => f.endsWith(".ts"))) visit(join(root, "cli", f));
    expect(seen.size).toBeGreaterThan(10);
    expect(bad).toEqual([]);
  });
});
