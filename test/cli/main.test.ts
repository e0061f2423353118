/**
 * main.ts, the only code that wires the real process: bundled (into a temporary directory, so as not to race the
 * end-to-end test's build of dist/; without the UI, which these commands never load), then run with plain node,
 * pipes for stdin.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { ANA, savedProfile, seedSave } from "./saveFixtures";
import { tempHome } from "./tcpTutor";

const ROOT = join(import.meta.dirname, "../..");
let bundle = "";

beforeAll(() => {
  bundle = join(tempHome(), "tcp-tutor.mjs");
  buildSync({
    entryPoints: [join(ROOT, "src/cli/main.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    external: ["../ui/runGame", "../ui/live/runLive"],
    banner: { js: "import{createRequire}from'node:module';const require=createRequire(import.meta.url);" },
    outfile: bundle,
    logLevel: "warning",
  });
}, 60_000);

function tcpTutor(args: readonly string[], home: string, input = "") {
  const r = spawnSync(process.execPath, [bundle, ...args], {
    input,
    encoding: "utf8",
    env: { PATH: process.env.PATH, TCP_TUTOR_HOME: home },
    cwd: ROOT,
    timeout: 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const QUESTION = 'Erase all progress of profile "ana" (2 levels played, 770 points)? A backup is kept. [y/N] \n';

describe("reset's question, read from a pipe", () => {
  it.each([["y\n"], ["y"], ["YES\r\n"]])("%j: erased", (input) => {
    const home = tempHome();
    seedSave(home, { ana: ANA });
    const r = tcpTutor(["reset", "--profile", "ana"], home, input);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: QUESTION });
    expect(r.stdout).toMatch(/^erased the progress of profile "ana"; backup: \S+\/backups\/ana-\d{8}-\d{6}\.json /);
    expect(savedProfile(home, "ana").levels).toEqual({});
  });

  it.each([["n\n"], [""], ["\n"]])("%j: nothing erased, exit 1", (input) => {
    const home = tempHome();
    seedSave(home, { ana: ANA });
    expect(tcpTutor(["reset", "--profile", "ana"], home, input)).toEqual({
      code: 1,
      stdout: "",
      stderr: `${QUESTION}reset: not confirmed; nothing was erased\n`,
    });
    expect(savedProfile(home, "ana")).toEqual(ANA);
  });
});

describe("files", () => {
  it("export writes a new file and never overwrites one; import - reads stdin", () => {
    const home = tempHome();
    seedSave(home, { ana: ANA });
    const file = join(tempHome(), "ana.json");
    expect(tcpTutor(["export", file, "--profile", "ana"], home)).toEqual({
      code: 0,
      stdout: `exported profile "ana" to ${file}\n`,
      stderr: "",
    });
    const written = readFileSync(file, "utf8");
    expect(tcpTutor(["export", file, "--profile", "default"], home).code).toBe(1);
    expect(readFileSync(file, "utf8")).toBe(written);

    const other = tempHome();
    expect(tcpTutor(["import", "-"], other, written)).toEqual({
      code: 0,
      stdout: 'imported profile "ana" from stdin (new profile)\n',
      stderr: "",
    });
    expect(savedProfile(other, "ana")).toEqual(ANA);
  });

  it("the save goes to TCP_TUTOR_HOME", () => {
    const home = tempHome();
    expect(tcpTutor(["stats", "--json", "--levels", "levels"], home).code).toBe(0);
    expect(existsSync(join(home, "progress.json"))).toBe(true);
  });
});
