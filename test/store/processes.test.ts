import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { SaveData } from "../../src/store/schema";
import { SaveFile } from "../../src/store/saveFile";

/**
 * The save file against real processes: one killed while it saves, two saving at the same moment. The saver is
 * test/fixtures/saves/saver.ts, bundled here and run with plain node.
 */
let saver: string;

beforeAll(() => {
  const out = mkdtempSync(join(tmpdir(), "tcp-tutor-saver-"));
  saver = join(out, "saver.mjs");
  buildSync({
    entryPoints: ["test/fixtures/saves/saver.ts"],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: saver,
    banner: { js: "import{createRequire}from'node:module';const require=createRequire(import.meta.url);" },
    logLevel: "warning",
  });
});

function start(...args: string[]): ChildProcess {
  return spawn(process.execPath, [saver, ...args], { stdio: ["ignore", "pipe", "pipe"] });
}

function output(child: ChildProcess, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    let errors = "";
    child.stdout?.on("data", (d: Buffer) => {
      seen += d.toString();
      if (seen.includes(text)) resolve();
    });
    child.stderr?.on("data", (d: Buffer) => void (errors += d.toString()));
    child.on("exit", (code) => reject(new Error(`saver exited (${code}) before "${text}": ${errors}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on("exit", (code) => resolve(code)));
}

/** The file exactly as on disk, checked against the save format; throws if it is torn or invalid. */
function onDisk(dir: string): SaveData {
  const json = JSON.parse(readFileSync(join(dir, "progress.json"), "utf8")) as Record<string, unknown>;
  delete json.__internal__;
  return SaveData.parse(json);
}

const plays = (data: SaveData) => data.profiles.default?.totals.plays ?? 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("a process killed while it saves", () => {
  it("leaves the old file or the new one, never a torn one, and the next process saves on", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tcp-tutor-kill-"));
    let before = 0;
    // Each round: a saver writing as fast as it can (a 100-level profile, ~30 KB per write) is killed at a random
    // moment; the file must then be whole, valid, and hold at least what it held before.
    for (let round = 0; round < 10; round++) {
      const child = start(dir, "loop", "100");
      await output(child, "saved");
      await sleep(5 + Math.floor(Math.random() * 40));
      child.kill("SIGKILL");
      await exited(child);
      const data = onDisk(dir);
      expect(plays(data)).toBeGreaterThanOrEqual(before + 100);
      before = plays(data);
    }
    // The killed saver's lock (if it held one) is stale: opening takes it over, nothing needs repair, and the
    // temporary files of writes cut short are cleared away.
    const save = SaveFile.open(dir);
    expect(save.notices()).toEqual([]);
    expect(save.store().load().totals.plays).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(["progress.json"]);
  }, 60_000);
});

describe("two processes saving the same profile at once", () => {
  it("add up: every result of both is counted, the best score of each level kept", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tcp-tutor-two-"));
    SaveFile.open(dir);
    const a = start(dir, "count", "60", "alice", "300");
    const b = start(dir, "count", "60", "bob", "800");
    expect(await Promise.all([exited(a), exited(b)])).toEqual([0, 0]);

    const profile = onDisk(dir).profiles.default;
    expect(profile?.totals.plays).toBe(240);
    expect(profile?.levels.shared).toMatchObject({ attempts: 120, bestScore: 800, stars: 2 });
    expect(Object.keys(profile?.levels ?? {}).filter((id) => id.startsWith("alice-"))).toHaveLength(60);
    expect(Object.keys(profile?.levels ?? {}).filter((id) => id.startsWith("bob-"))).toHaveLength(60);
    expect(profile?.concepts.handshake).toEqual({ right: 240, wrong: 240 });
    expect(profile?.misconceptions["ack-is-seq"]).toBe(240);
  }, 60_000);
});
