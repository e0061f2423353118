import { join } from "node:path";
import { buildSync } from "esbuild";
import { describe, expect, it } from "vitest";
import { CHALLENGE_LIMITS, INTERVIEW_DEFAULTS, LIVE_DEFAULTS, LIVE_LIMITS, parseArgs, USAGE } from "../../src/cli/args";
import { DEFAULT_LIVE_PORT } from "../../src/live/address";
import { MAX_SECONDS } from "../../src/game/live";
import { MAX_COUNT, MAX_MINUTES, MAX_SEED } from "../../src/game/challenge";
import { INTERVIEW_COUNT, INTERVIEW_MINUTES } from "../../src/game/drill";
import { LANGS } from "../../src/levels/schema";
import { CODE } from "../fixtures/challengeResults";

/** Every `tcp-tutor COMMAND …` synopsis of the usage, with an example for each operand and option value. */
const synopses = USAGE.replace(/\n {8,}(?=\[)/g, " ")
  .split("\n")
  .filter((l) => /^ {2}tcp-tutor [a-z]/.test(l))
  .map((l) =>
    l
      .trim()
      .split(" ")
      .slice(1)
      .join(" ")
      .replace(/\[(--[a-z-]+)\|[^\]]*\]/g, "$1")
      .replace(/\[(--[a-z-]+) T\.\.\.\]/g, "$1 close $1 reset")
      .replace(/\[(--[a-z-]+) NAME\]/g, "$1 Ann")
      .replace(/\[(--[a-z-]+) DIR\]/g, "$1 some-dir")
      .replace(/^challenge CODE/, `challenge ${CODE}`)
      .replace("DIR|FILE...", "some-dir")
      .replace("ADDR[:PORT]", "127.0.0.1:8123")
      .replace(/\[(--[a-z-]+) P\]/g, "$1 8123")
      .replace(/\[(--[a-z-]+) ADDR\]/g, "$1 127.0.0.1")
      .replace(/\[(--[a-z-]+) PIN\]/g, "$1 424242")
      .replace("FILE...", "some.json")
      .replace(/\[(--[a-z-]+) N\]/g, "$1 7")
      .replace(/\[(--[a-z-]+) S\]/g, "$1 42")
      .replace(/\[(--[a-z-]+) T\]/g, "$1 close")
      .replace(/\[(--[a-z-]+) D\]/g, "$1 3")
      .replace(/\[(--[a-z-]+) M\]/g, "$1 2")
      .replace(/\[(--[a-z-]+) L\]/g, "$1 zh-CN")
      .replace(/\[(--[a-z-]+) md\|json\]/g, "$1 json")
      .replace(/\[(--[a-z-]+)\]/g, "$1")
      .replace("FILE|-", "some.json")
      .replace("[DIR]", "some-dir")
      .split(" "),
  );

const GLOBALS = ["--profile", "ana", "--home", "some-home"];

describe("the usage and the parser agree", () => {
  it("the usage has a synopsis for each command", () => {
    expect(synopses.map((s) => s.slice(0, 2).join(" "))).toEqual([
      "trace some.json",
      "check some-dir",
      "levels --json",
      "stats --json",
      "reset --yes",
      "export some.json",
      "import some.json",
      "drill --topic",
      "drill --interview",
      "drill --print",
      `challenge ${CODE}`,
      "challenge new",
      "challenge verify",
      "scoreboard some-dir",
      "host --port",
      "join 127.0.0.1:8123",
    ]);
  });

  it.each(synopses)("%s %s …: every option it lists is accepted, and so are --profile and --home", (...argv) => {
    for (const line of [argv, [...argv, ...GLOBALS], [...GLOBALS, ...argv]]) {
      const command = parseArgs(line);
      expect({ line, kind: command.kind }).not.toEqual({ line, kind: "usageError" });
    }
  });

  it("the save commands carry --profile and --home; the others do not need them", () => {
    expect(parseArgs(["stats", ...GLOBALS])).toEqual({
      kind: "stats",
      json: false,
      levels: undefined,
      profile: "ana",
      home: "some-home",
    });
    expect(parseArgs(["--home=h", "reset", "--yes"])).toEqual({ kind: "reset", yes: true, profile: undefined, home: "h" });
    expect(parseArgs(["export", "-", "--profile=Zoë"])).toEqual({
      kind: "export",
      file: "-",
      profile: "Zoë",
      home: undefined,
    });
    expect(parseArgs(["import", "-"])).toEqual({ kind: "import", file: "-", profile: undefined, home: undefined });
    expect(parseArgs(["--profile", "ana", "--no-color"])).toEqual({
      kind: "play",
      levels: undefined,
      color: false,
      profile: "ana",
      home: undefined,
    });
    expect(parseArgs(["levels", ...GLOBALS])).toEqual({ kind: "list", json: false, levels: undefined });
  });

  it("the usage names the save's commands, options and location", () => {
    for (const text of [
      "tcp-tutor stats [--json]",
      "tcp-tutor reset [--yes]",
      "tcp-tutor export FILE|-",
      "tcp-tutor import FILE|-",
      "--profile NAME",
      "--home DIR",
      "$TCP_TUTOR_HOME",
      "~/.config/tcp-tutor",
    ]) {
      expect(USAGE).toContain(text);
    }
  });

  it("no line of the usage is wider than 110 columns", () => {
    expect(USAGE.split("\n").filter((l) => l.length > 110)).toEqual([]);
  });
});

describe("the command line is parsed without loading the program", () => {
  it("args.ts imports no library and nothing of the engine, the store or the UI: only constants", () => {
    const { metafile } = buildSync({
      entryPoints: [join(import.meta.dirname, "../../src/cli/args.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    expect(Object.keys(metafile.inputs).sort()).toEqual([
      "src/cli/args.ts",
      "src/game/drill/topics.ts",
      "src/store/profileName.ts",
    ]);
  });

  it("the constants it repeats to stay light are the ones of the modules it does not load", () => {
    expect(INTERVIEW_DEFAULTS).toEqual({ count: INTERVIEW_COUNT, minutes: INTERVIEW_MINUTES });
    expect(USAGE).toContain(`--lang L         the language, ${LANGS.join(" or ")} (default: the locale's)`);
    expect(CHALLENGE_LIMITS).toEqual({ count: MAX_COUNT, minutes: MAX_MINUTES, seed: MAX_SEED });
    expect(LIVE_LIMITS.seconds).toBe(MAX_SECONDS);
    expect(LIVE_DEFAULTS.port).toBe(DEFAULT_LIVE_PORT);
  });
});
