import fs from "node:fs";

/**
 * A lock file beside the save file, so that two tcp-tutor processes (two terminals, one profile) never interleave a
 * read-change-write: each save re-reads the file inside the lock, applies its change and writes, then unlocks.
 * The lock is a file created with O_EXCL holding the owner's pid; a lock whose owner is gone (killed while saving)
 * or that is older than STALE_MS is taken over.
 */
const STALE_MS = 10_000;
const TIMEOUT_MS = 15_000;

export class LockTimeout extends Error {}

let counter = 0;
/** Locks this process holds: a nested save (a change that reads the file) must not wait for itself. */
const held = new Set<string>();

export function withFileLock<T>(lockPath: string, critical: () => T): T {
  if (held.has(lockPath)) return critical();
  const token = `${process.pid} ${Date.now()} ${++counter}\n`;
  acquire(lockPath, token);
  held.add(lockPath);
  try {
    return critical();
  } finally {
    held.delete(lockPath);
    release(lockPath, token);
  }
}

function acquire(lockPath: string, token: string): void {
  const start = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(lockPath, token, { flag: "wx" });
      return;
    } catch (e) {
      if (code(e) !== "EEXIST") throw e;
    }
    const held = holder(lockPath);
    if (held === "released") continue;
    if (held === "stale") {
      removeStale(lockPath);
      continue;
    }
    if (Date.now() - start > TIMEOUT_MS) {
      throw new LockTimeout(`the save file is locked by another tcp-tutor (${lockPath}); try again`);
    }
    sleep(Math.min(2 + attempt, 20));
  }
}

function release(lockPath: string, token: string): void {
  try {
    if (fs.readFileSync(lockPath, "utf8") === token) fs.unlinkSync(lockPath);
  } catch {
    // Already gone (taken over as stale): nothing to release.
  }
}

/**
 * Who holds the lock: nobody any more ("released": try again at once, and never remove a file that may by now be
 * someone else's fresh lock), a live owner ("held"), or an owner that is dead or has held it far longer than any
 * save takes ("stale"). Two processes that find the same stale lock at the same instant could both take it over;
 * that needs a crash first and then a race of microseconds, and costs at most one lost update.
 */
function holder(lockPath: string): "released" | "held" | "stale" {
  let text: string;
  let mtime: number;
  try {
    text = fs.readFileSync(lockPath, "utf8");
    mtime = fs.statSync(lockPath).mtimeMs;
  } catch (e) {
    if (code(e) === "ENOENT") return "released";
    throw e;
  }
  if (Date.now() - mtime > STALE_MS) return "stale";
  const pid = Number.parseInt(text, 10);
  // A lock file being written right now may be empty for an instant: only a readable pid can be judged dead.
  return Number.isInteger(pid) && pid > 0 && !isAlive(pid) ? "stale" : "held";
}

function removeStale(lockPath: string): void {
  try {
    fs.unlinkSync(lockPath);
  } catch (e) {
    if (code(e) !== "ENOENT") throw e;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return code(e) === "EPERM";
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function code(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : undefined;
}
