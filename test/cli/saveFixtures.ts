import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { SaveFile } from "../../src/store/saveFile";
import type { Profile } from "../../src/store/schema";
import { NOW } from "./tcpTutor";

/** The small valid pack: chapters handshake (level first-syn) and close (level first-fin). */
export const VALID_PACK = relative(process.cwd(), join(import.meta.dirname, "../fixtures/packs/valid"));

const DAY = 86_400_000;

/** A profile with some of everything: two levels, three concepts, misconceptions, a drill, a challenge, settings. */
export const ANA: Profile = {
  created: NOW - 30 * DAY,
  levels: {
    "first-syn": { bestScore: 400, maxScore: 500, stars: 3, attempts: 2, completed: true, lastPlayed: "2026-11-20" },
    "first-fin": { bestScore: 50, maxScore: 600, stars: 0, attempts: 1, completed: false, lastPlayed: "2026-11-21" },
  },
  concepts: { handshake: { right: 8, wrong: 2 }, isn: { right: 1, wrong: 3 }, "seq-ack": { right: 2, wrong: 2 } },
  misconceptions: { "ack-is-seq": 3, "syn-carries-data": 1 },
  drill: {
    isn: { box: 1, due: NOW - 1000, right: 1, wrong: 2, last: NOW - DAY },
    handshake: { box: 3, due: NOW + 3 * DAY, right: 5, wrong: 0, last: NOW - DAY },
  },
  challenges: [{ code: "K7Q2", name: "ana", score: 320, maxScore: 500, correct: 4, total: 5, ms: 61_000, at: NOW - 2 * DAY }],
  settings: { lang: "zh-CN", color: false },
  streak: { current: 2, best: 4, lastDay: "2026-11-21" },
  totals: { plays: 4, answered: 15, correct: 11, hints: 1, ms: 754_000, points: 770 },
};

/** Writes profiles into the save in `home` through the store's own API; `current` is the one played by default. */
export function seedSave(home: string, profiles: Readonly<Record<string, Profile>>, current?: string): void {
  const save = SaveFile.open(home, () => NOW);
  for (const [name, profile] of Object.entries(profiles)) save.updateProfile(name, () => profile);
  if (current !== undefined) save.setCurrent(current);
}

/** A profile as saved in `home` now (an empty one if never saved). */
export function savedProfile(home: string, name: string): Profile {
  return SaveFile.open(home, () => NOW).profile(name);
}

export const saveFileOf = (home: string): string => join(home, "progress.json");

/** Every file under `home` with its exact bytes: to prove that a command changed nothing. */
export function snapshot(home: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) visit(path);
      else out[relative(home, path)] = readFileSync(path, "latin1");
    }
  };
  visit(home);
  return out;
}
