import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emptyProfile } from "../../src/store/profile";
import { SaveError, SaveFile, saveDir } from "../../src/store/saveFile";
import { levelResult } from "./results";

const NOW = Date.UTC(2026, 10, 21, 9, 30, 15);
const clock = () => NOW;

function home(): string {
  return mkdtempSync(join(tmpdir(), "tcp-tutor-save-"));
}

function open(dir: string): SaveFile {
  return SaveFile.open(dir, clock);
}

function onDisk(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, "progress.json"), "utf8")) as Record<string, unknown>;
}

describe("where the save lives", () => {
  it("--home wins over TCP_TUTOR_HOME, which wins over the platform's config directory", () => {
    expect(saveDir({ TCP_TUTOR_HOME: "/tmp/b" }, "/tmp/a")).toBe("/tmp/a");
    expect(saveDir({ TCP_TUTOR_HOME: "/tmp/b" }, undefined)).toBe("/tmp/b");
    expect(saveDir({ TCP_TUTOR_HOME: "" }, undefined)).toMatch(/tcp-tutor$/);
  });

  it("a home that cannot be a directory is one SaveError line naming it", () => {
    const file = join(home(), "not-a-dir");
    writeFileSync(file, "x");
    expect(() => open(file)).toThrow(SaveError);
    expect(() => open(file)).toThrow(`cannot create the save directory ${file}: `);
  });
});

describe("a new save", () => {
  it("is created with the default profile, empty, in the current format", () => {
    const dir = home();
    const save = open(dir);
    expect(save.notices()).toEqual([]);
    expect(save.path).toBe(join(dir, "progress.json"));
    expect(onDisk(dir)).toEqual({
      current: "default",
      profiles: { default: emptyProfile(NOW) },
      __internal__: { migrations: { version: "2.0.0" } },
    });
  });
});

describe("round trip", () => {
  it("what one run saves, the next run reads back exactly", () => {
    const dir = home();
    const first = open(dir).store();
    first.record(levelResult("handshake-first-syn", 950, { right: 3, wrong: 1, misconception: "ack-is-seq" }));
    first.saveSettings({ lang: "zh-CN", color: false });
    const saved = first.load();

    const again = open(dir);
    expect(again.notices()).toEqual([]);
    expect(again.store().load()).toEqual(saved);
    expect(saved.levels["handshake-first-syn"]).toMatchObject({ bestScore: 950, stars: 3, attempts: 1 });
    expect(saved.settings).toEqual({ lang: "zh-CN", color: false });
  });

  it("profiles: each its own progress; the one switched to is the one used next time", () => {
    const dir = home();
    const ana = open(dir).store().switchTo("ana");
    ana.record(levelResult("a", 900));
    const next = open(dir);
    expect(next.current()).toBe("ana");
    expect(next.profileNames()).toEqual(["ana", "default"]);
    expect(next.store().load().levels.a?.bestScore).toBe(900);
    expect(next.store("default").load().levels).toEqual({});
  });

  it("a profile named in Chinese is saved and read back", () => {
    const dir = home();
    open(dir).store("小明").record(levelResult("a", 500));
    expect(open(dir).profile("小明").levels.a?.bestScore).toBe(500);
  });
});

describe("migration", () => {
  // test/fixtures/saves/format1.json: a file in save format 1 (one player, no profiles), as that format wrote it.
  it("moves a format-1 file forward: its levels, plays and settings become the default profile", () => {
    const dir = home();
    copyFileSync("test/fixtures/saves/format1.json", join(dir, "progress.json"));
    const save = open(dir);
    expect(save.notices()).toEqual([]);
    const p = save.store().load();
    expect(p.levels).toEqual({
      "handshake-first-syn": { bestScore: 1180, maxScore: 1200, stars: 3, attempts: 2, completed: true, lastPlayed: "2026-11-21" },
      "handshake-isn-plus-one": { bestScore: 150, maxScore: 1600, stars: 0, attempts: 1, completed: false, lastPlayed: "2026-11-21" },
    });
    expect(p.settings).toEqual({ lang: "zh-CN", color: false });
    expect(p.totals.plays).toBe(3);
    expect(p.created).toBe(1763000000000);
    expect((onDisk(dir).__internal__ as { migrations: unknown }).migrations).toEqual({ version: "2.0.0" });
    expect(readdirSync(dir).filter((f) => f.includes("damaged"))).toEqual([]);
  });

  it("a format-1 file that does not fit format 1 is kept as a backup, and progress starts fresh", () => {
    const dir = home();
    const text = JSON.stringify({ levels: { a: { stars: 7 } }, __internal__: { migrations: { version: "1.0.0" } } });
    writeFileSync(join(dir, "progress.json"), text);
    const save = open(dir);
    const [notice] = save.notices();
    expect(notice).toMatch(/could not be upgraded .*levels\.a\.stars/);
    expect(readFileSync(join(dir, "progress.damaged-20261121-093015.json"), "utf8")).toBe(text);
    expect(save.store().load()).toEqual(emptyProfile(NOW));
  });

  it("a file from a newer tcp-tutor is left untouched, and the error says which format it needs", () => {
    const dir = home();
    const text = JSON.stringify({ current: "default", profiles: {}, __internal__: { migrations: { version: "3.0.0" } } });
    writeFileSync(join(dir, "progress.json"), text);
    expect(() => open(dir)).toThrow(
      `${join(dir, "progress.json")} was saved by a newer tcp-tutor (save format 3; this version reads up to 2): ` +
        "update tcp-tutor, or use --home DIR for a separate save",
    );
    expect(readFileSync(join(dir, "progress.json"), "utf8")).toBe(text);
    expect(readdirSync(dir)).toEqual(["progress.json"]);
  });
});

describe("a damaged save file", () => {
  it.each([
    ["not JSON", '{"current": "default", "profiles": {', /is not valid JSON \(/],
    ["cut off mid-write", '{\n\t"current": "def', /is not valid JSON \(/],
    ["empty", "", /is not valid JSON \(/],
    ["an array", "[1, 2]", /is not a JSON object/],
    ["the wrong schema", JSON.stringify({ current: "default", profiles: { default: { levels: 5 } } }), /does not match the save format \(profiles\.default\./],
    ["a star count out of range", JSON.stringify({ current: "default", profiles: { default: { ...emptyProfile(1), levels: { a: { bestScore: 1, maxScore: 1, stars: 9, attempts: 1, completed: true, lastPlayed: "2026-11-20" } } } } }), /does not match the save format \(profiles\.default\.levels\.a\.stars: /],
  ])("%s: moved to a timestamped backup beside it, byte for byte; the player is told; progress starts fresh", (_, text, problem) => {
    const dir = home();
    writeFileSync(join(dir, "progress.json"), text);
    const save = open(dir);
    const backup = join(dir, "progress.damaged-20261121-093015.json");
    const notices = save.notices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(problem);
    expect(notices[0]).toContain(`the save file ${join(dir, "progress.json")} `);
    expect(notices[0]).toContain(`: it was moved to ${backup} and progress starts fresh`);
    expect(readFileSync(backup, "utf8")).toBe(text);
    expect(save.store().load()).toEqual(emptyProfile(NOW));
  });

  it("a second damaged file the same second gets its own backup", () => {
    const dir = home();
    writeFileSync(join(dir, "progress.json"), "one");
    open(dir);
    writeFileSync(join(dir, "progress.json"), "two");
    open(dir);
    expect(readdirSync(dir).filter((f) => f.includes("damaged")).sort()).toEqual([
      "progress.damaged-20261121-093015-2.json",
      "progress.damaged-20261121-093015.json",
    ]);
  });

  it("damaged while the game runs: the next save keeps the damaged bytes aside and saves its result", () => {
    const dir = home();
    const save = open(dir);
    const store = save.store();
    writeFileSync(join(dir, "progress.json"), "{ torn");
    const p = store.record(levelResult("a", 900));
    expect(p.levels.a?.attempts).toBe(1);
    expect(save.notices()[0]).toMatch(/is not valid JSON/);
    expect(readFileSync(join(dir, "progress.damaged-20261121-093015.json"), "utf8")).toBe("{ torn");
  });
});

describe("reset and import", () => {
  it("reset keeps a backup in the export format, erases the progress, keeps the settings; import puts it back", () => {
    const dir = home();
    const save = open(dir);
    const store = save.store();
    store.record(levelResult("a", 900));
    store.saveSettings({ lang: "zh-CN" });
    const before = store.load();

    const backup = save.resetProfile("default");
    expect(backup).toBe(join(dir, "backups", "default-20261121-093015.json"));
    expect(JSON.parse(readFileSync(backup, "utf8"))).toEqual({
      tcpTutor: "profile",
      format: 2,
      name: "default",
      exported: "2026-11-21T09:30:15.000Z",
      profile: before,
    });
    expect(store.load()).toEqual({ ...emptyProfile(NOW), settings: { lang: "zh-CN" } });

    save.importProfile(JSON.parse(readFileSync(backup, "utf8")), "default");
    expect(store.load().levels).toEqual(before.levels);
    expect(store.load().totals).toEqual(before.totals);
  });

  it("import into a new profile takes the file as it is", () => {
    const dir = home();
    const save = open(dir);
    save.store().record(levelResult("a", 700));
    const exported = save.exportProfile("default");
    save.importProfile(exported, "copy");
    expect(save.profile("copy")).toEqual(exported.profile);
  });
});

describe("the lock beside the save file", () => {
  it("a lock left by a process that died is taken over at once", () => {
    const dir = home();
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid;
    writeFileSync(join(dir, "progress.json.lock"), `${dead} 0 1\n`);
    open(dir).store().record(levelResult("a", 100));
    expect(readdirSync(dir)).not.toContain("progress.json.lock");
  });

  it("a lock held far longer than any save takes (a hung process) is taken over", () => {
    const dir = home();
    const lock = join(dir, "progress.json.lock");
    writeFileSync(lock, `${process.pid} 0 1\n`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    open(dir).store().record(levelResult("a", 100));
    expect(open(dir).profile("default").levels.a?.attempts).toBe(1);
  });
});
