import fs from "node:fs";
import path from "node:path";
import Conf from "conf";
import envPaths from "env-paths";
import type { LevelResult } from "../game";
import type { DrillPuzzle } from "../game/drill";
import { withFileLock } from "./lock";
import { migrations, SAVE_VERSION } from "./migrations";
import {
  emptyProfile,
  mergeProfiles,
  withChallenge,
  withDrillResult,
  withLevelResult,
  withProgressErased,
  withSettings,
} from "./profile";
import { type ProgressStore, today } from "./progress";
import {
  type ChallengeRecord,
  DEFAULT_PROFILE,
  describeProblems,
  type Profile,
  type ProfileExport,
  SAVE_FORMAT,
  SaveData,
  type Settings,
} from "./schema";

/**
 * The save file: conf keeps it (atomic writes: a temporary file renamed over the old one, so a kill mid-write
 * leaves the old file or the new one; migrations between formats). Around conf, this module makes sure nothing a
 * player earned is lost:
 * - every change is applied to the file as it is now, inside a lock (lock.ts): two terminals add up;
 * - a file that is not JSON or not in the format is moved to a timestamped backup beside it, never emptied;
 * - a file from a newer tcp-tutor is left alone and the program says which version it needs.
 */
export const SAVE_NAME = "progress";
export const SAVE_FILE = `${SAVE_NAME}.json`;

/** A problem with the save location that ends the command: one line, for the player. */
export class SaveError extends Error {
  override name = "SaveError";
}

export type Env = Readonly<Record<string, string | undefined>>;

/** --home DIR, else TCP_TUTOR_HOME, else the platform's config directory (~/.config/tcp-tutor on Linux). */
export function saveDir(env: Env, home: string | undefined): string {
  if (home !== undefined) return path.resolve(home);
  const fromEnv = env.TCP_TUTOR_HOME;
  if (fromEnv !== undefined && fromEnv !== "") return path.resolve(fromEnv);
  // The same directory conf itself would choose for projectName "tcp-tutor".
  return envPaths("tcp-tutor", { suffix: "" }).config;
}

export class SaveFile {
  readonly path: string;
  readonly dir: string;
  readonly #lock: string;
  readonly #conf: Conf<Record<string, unknown>>;
  readonly #now: () => number;
  readonly #notices: string[] = [];

  private constructor(dir: string, now: () => number, conf: Conf<Record<string, unknown>>) {
    this.dir = dir;
    this.path = conf.path;
    this.#lock = `${conf.path}.lock`;
    this.#conf = conf;
    this.#now = now;
  }

  /**
   * Opens (creating) the save file in `dir`, moving a damaged one aside; what it had to do is in `notices()`.
   * Throws SaveError when the directory cannot be written or the file is from a newer tcp-tutor.
   */
  static open(dir: string, now: () => number = Date.now): SaveFile {
    const file = path.join(dir, SAVE_FILE);
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw new SaveError(`cannot create the save directory ${dir}: ${errorText(e)}`);
    }
    return guard(`the save file ${file}`, () =>
      withFileLock(`${file}.lock`, () => {
        const notices: string[] = [];
        removeOrphanedTemporaries(file);
        const original = readIfExists(file);
        if (original !== undefined) {
          const problem = problemBeforeMigration(file, original);
          if (problem !== undefined) notices.push(moveAside(file, original, problem, now()));
        }
        let conf: Conf<Record<string, unknown>>;
        try {
          conf = openConf(dir, now);
        } catch (e) {
          if (original === undefined) throw e;
          // A migration failed: conf has put the file back as it was; keep those bytes and start fresh.
          notices.push(moveAside(file, original, `could not be upgraded (${errorText(e)})`, now()));
          conf = openConf(dir, now);
        }
        const save = new SaveFile(dir, now, conf);
        save.#notices.push(...notices);
        // Backups keep the file as the player had it, before conf's migration rewrote it.
        save.#checked(notices.length === 0 ? original : undefined);
        return save;
      }),
    );
  }

  /** What opening or reading had to repair, one line each (a damaged file moved aside), since last asked. */
  notices(): string[] {
    return this.#notices.splice(0);
  }

  /** The save as it is on disk now. */
  read(): SaveData {
    return guard(`the save file ${this.path}`, () => withFileLock(this.#lock, () => this.#checked()));
  }

  /** Applies `change` to the save as it is on disk now, inside the lock, and writes the result. */
  update(change: (data: SaveData) => SaveData): SaveData {
    return guard(`the save file ${this.path}`, () =>
      withFileLock(this.#lock, () => {
        const next = change(this.#checked());
        const checked = SaveData.safeParse(next);
        if (!checked.success) throw new Error(`refusing to save an invalid profile: ${describeProblems(checked.error)[0]}`);
        this.#conf.store = checked.data;
        return checked.data;
      }),
    );
  }

  /** The profile, or an empty one if it has never been played. */
  profile(name: string): Profile {
    return this.read().profiles[name] ?? emptyProfile(this.#now());
  }

  profileNames(): string[] {
    const data = this.read();
    return [...new Set([...Object.keys(data.profiles), data.current])].sort();
  }

  current(): string {
    return this.read().current;
  }

  /** Changes one profile; `change` is given undefined for a profile never saved. */
  updateProfile(name: string, change: (p: Profile | undefined) => Profile): Profile {
    const data = this.update((d) => ({ ...d, profiles: { ...d.profiles, [name]: change(d.profiles[name]) } }));
    return data.profiles[name] as Profile;
  }

  /** Makes `name` the profile used without --profile (created empty if new). */
  setCurrent(name: string): void {
    this.update((d) => ({
      current: name,
      profiles: { ...d.profiles, [name]: d.profiles[name] ?? emptyProfile(this.#now()) },
    }));
  }

  /** The store the game plays `name` through (the current profile by default). */
  store(name: string = this.current()): ProgressStore {
    const now = this.#now;
    return {
      profile: name,
      location: this.path,
      load: () => this.profile(name),
      record: (result: LevelResult) => this.updateProfile(name, (p) => withLevelResult(this.#or(p), result, today(now()))),
      recordDrill: (result: LevelResult, puzzle: Pick<DrillPuzzle, "concepts" | "misconceptions">) =>
        this.updateProfile(name, (p) => withDrillResult(this.#or(p), result, puzzle, now(), today(now()))),
      recordChallenge: (record: ChallengeRecord) => this.updateProfile(name, (p) => withChallenge(this.#or(p), record)),
      saveSettings: (settings: Settings) => this.updateProfile(name, (p) => withSettings(this.#or(p), settings)),
      profiles: () => this.profileNames(),
      switchTo: (other: string) => {
        this.setCurrent(other);
        return this.store(other);
      },
      notices: () => this.notices(),
    };
  }

  exportProfile(name: string): ProfileExport {
    return {
      tcpTutor: "profile",
      format: SAVE_FORMAT,
      name,
      exported: new Date(this.#now()).toISOString(),
      profile: this.profile(name),
    };
  }

  /** Adds an exported profile into `name`: the better of each level and counter (profile.ts mergeProfiles). */
  importProfile(exported: ProfileExport, name: string): Profile {
    return this.updateProfile(name, (p) => (p === undefined ? exported.profile : mergeProfiles(p, exported.profile)));
  }

  /**
   * Erases a profile's progress (its settings stay), after writing what it held to a backup in `backups/`, in the
   * export format: `tcp-tutor import BACKUP --profile NAME` puts it back. Returns the backup's path.
   */
  resetProfile(name: string): string {
    const backup = this.writeBackup(name);
    this.updateProfile(name, (p) => withProgressErased(this.#or(p), this.#now()));
    return backup;
  }

  /** Writes the profile to backups/NAME-<time>.json and returns the path. */
  writeBackup(name: string): string {
    const dir = path.join(this.dir, "backups");
    return guard(`the backup folder ${dir}`, () => {
      fs.mkdirSync(dir, { recursive: true });
      const file = uniquePath(dir, `${name}-${stamp(this.#now())}`, ".json");
      fs.writeFileSync(file, `${JSON.stringify(this.exportProfile(name), null, 2)}\n`, { flag: "wx" });
      return file;
    });
  }

  #or(profile: Profile | undefined): Profile {
    return profile ?? emptyProfile(this.#now());
  }

  /**
   * The save's data, checked against the format; a file damaged since it was opened is moved aside too (with
   * `original`'s bytes when given, else the file's).
   */
  #checked(original?: Buffer): SaveData {
    let raw: Record<string, unknown>;
    try {
      raw = { ...this.#conf.store };
    } catch (e) {
      original ??= readIfExists(this.path) ?? Buffer.alloc(0);
      this.#notices.push(moveAside(this.path, original, `is not valid JSON (${errorText(e)})`, this.#now()));
      raw = {};
    }
    delete raw.__internal__;
    if (Object.keys(raw).length === 0) return this.#fresh();
    const parsed = SaveData.safeParse(raw);
    if (parsed.success) return parsed.data;
    original ??= readIfExists(this.path) ?? Buffer.alloc(0);
    const problem = `does not match the save format (${describeProblems(parsed.error, 1)[0]})`;
    this.#notices.push(moveAside(this.path, original, problem, this.#now()));
    return this.#fresh();
  }

  #fresh(): SaveData {
    const data: SaveData = { current: DEFAULT_PROFILE, profiles: { [DEFAULT_PROFILE]: emptyProfile(this.#now()) } };
    this.#conf.store = data;
    return data;
  }
}

function openConf(dir: string, now: () => number): Conf<Record<string, unknown>> {
  return new Conf<Record<string, unknown>>({
    cwd: dir,
    configName: SAVE_NAME,
    projectVersion: SAVE_VERSION,
    migrations: migrations(now),
    clearInvalidConfig: false,
    configFileMode: 0o644,
  });
}

/** What makes a file unusable before conf reads it: not JSON, not an object. A newer format throws. */
function problemBeforeMigration(file: string, bytes: Buffer): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch (e) {
    return `is not valid JSON (${errorText(e)})`;
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return "is not a JSON object";
  const version = (json as { __internal__?: { migrations?: { version?: unknown } } }).__internal__?.migrations?.version;
  const major = typeof version === "string" ? Number.parseInt(version, 10) : Number.NaN;
  if (major > SAVE_FORMAT) {
    throw new SaveError(
      `${file} was saved by a newer tcp-tutor (save format ${major}; this version reads up to ${SAVE_FORMAT}): ` +
        "update tcp-tutor, or use --home DIR for a separate save",
    );
  }
  return undefined;
}

/**
 * Keeps a damaged file's exact bytes in a timestamped backup beside it and removes it, so that the program starts
 * fresh; returns the line that tells the player.
 */
function moveAside(file: string, bytes: Buffer, problem: string, now: number): string {
  const parsed = path.parse(file);
  const backup = uniquePath(parsed.dir, `${parsed.name}.damaged-${stamp(now)}`, parsed.ext);
  fs.writeFileSync(backup, bytes, { flag: "wx" });
  fs.rmSync(file, { force: true });
  return `the save file ${file} ${problem}: it was moved to ${backup} and progress starts fresh`;
}

/**
 * conf writes a temporary file beside the save and renames it over the save; a process killed between the two
 * leaves the temporary behind. Saves happen only inside the lock, and the caller holds it: any temporary now is an
 * orphan.
 */
function removeOrphanedTemporaries(file: string): void {
  const { dir, base } = path.parse(file);
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith(`${base}.tmp-`)) fs.rmSync(path.join(dir, name), { force: true });
  }
}

function readIfExists(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

/** 2026-11-21T10:05:03.123Z → 20261121-100503 (UTC), plus -2, -3 … when taken. */
function stamp(now: number): string {
  return new Date(now).toISOString().replace(/\.\d+Z$/, "").replace(/[-:]/g, "").replace("T", "-");
}

function uniquePath(dir: string, base: string, ext: string): string {
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, `${base}${n === 1 ? "" : `-${n}`}${ext}`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

/** File-system failures become one SaveError line naming what failed; SaveErrors pass through. */
function guard<T>(what: string, action: () => T): T {
  try {
    return action();
  } catch (e) {
    if (e instanceof SaveError) throw e;
    throw new SaveError(`cannot use ${what}: ${errorText(e)}`);
  }
}

function errorText(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0] ?? "";
}
