import { createHmac, timingSafeEqual } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import {
  type ChallengeAnswer,
  type ChallengeSpec,
  decodeChallenge,
  type Replay,
  replayChallenge,
  roundOf,
} from "../game/challenge";
import type { DrillPuzzle } from "../game/drill";
import type { LoadedChapter } from "../levels/loader";

/**
 * A challenge result file (issue 7): what a student hands in after `tcp-tutor challenge CODE`, and what
 * `tcp-tutor host` writes for each player of a live round. `challenge verify` and `scoreboard` read it. The shape is
 * a contract (README.md documents it); later formats add fields, never rename them.
 *
 * Nothing in it is believed. Verifying replays the answers against the round regenerated from the code and
 * recomputes every number; the seal (an HMAC of every other field) catches a file edited by hand, whose answers or
 * times were changed. The seal's key is in this source, so it stops an edit in a text editor, not a student who reads
 * the code and recomputes it: what makes a result trustworthy is the replay, and the live round, where the server
 * keeps the answers (README.md says so to teachers).
 */

export const RESULT_FORMAT = 1;
export const RESULT_KIND = "challenge-result";

/** 1 to 24 characters, no control characters, no spaces at either end: any script. */
export const PLAYER_NAME_MAX = 24;
export const PLAYER_NAME = z
  .string()
  .min(1, "a name is needed")
  .max(PLAYER_NAME_MAX, `at most ${PLAYER_NAME_MAX} characters`)
  .refine((s) => s === s.trim(), "no spaces at either end")
  .refine((s) => !/\p{Cc}/u.test(s), "no control characters");

const count = z.int().min(0);
const instant = z.iso.datetime();

export const ResultAnswer = z.strictObject({
  puzzle: count,
  question: count,
  answer: z.string().max(200),
  hint: z.boolean(),
  ms: count,
});

export const ChallengeResult = z.strictObject({
  tcpTutor: z.literal(RESULT_KIND),
  format: z.literal(RESULT_FORMAT),
  code: z.string().max(40),
  name: PLAYER_NAME,
  /** Present when the round was played live: each question was open this many seconds. */
  live: z.strictObject({ seconds: z.int().min(1).max(3600) }).optional(),
  /** The tcp-tutor version that wrote the file. */
  version: z.string().max(40),
  started: instant,
  finished: instant,
  score: count,
  correct: count,
  total: count,
  answered: count,
  /** Time spent answering: the sum of the answers' times. */
  ms: count,
  answers: z.array(ResultAnswer).max(1000),
  seal: z.string().regex(/^[0-9a-f]{64}$/, "64 hexadecimal digits"),
});
export type ChallengeResult = z.infer<typeof ChallengeResult>;
export type UnsealedResult = Omit<ChallengeResult, "seal">;

const SEAL_KEY = "tcp-tutor challenge result, format 1";

/** The result with its seal. */
export function sealResult(result: UnsealedResult): ChallengeResult {
  return { ...canonical(result), seal: sealOf(result) };
}

/** What a round played gives a result file; the rest (kind, format, the times as text, the seal) is the file's. */
export interface PlayedRound {
  readonly code: string;
  readonly name: string;
  /** Played live, each question open this many seconds. */
  readonly live?: { readonly seconds: number } | undefined;
  /** The tcp-tutor version writing it. */
  readonly version: string;
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly score: number;
  readonly correct: number;
  readonly total: number;
  readonly answered: number;
  readonly ms: number;
  readonly answers: readonly ChallengeAnswer[];
}

/** The sealed result of a round played, as `challenge CODE` and `host` write it. */
export function resultOf(r: PlayedRound): ChallengeResult {
  return sealResult({
    tcpTutor: RESULT_KIND,
    format: RESULT_FORMAT,
    code: r.code,
    name: r.name,
    ...(r.live === undefined ? {} : { live: { seconds: r.live.seconds } }),
    version: r.version,
    started: new Date(r.startedAt).toISOString(),
    finished: new Date(r.finishedAt).toISOString(),
    score: r.score,
    correct: r.correct,
    total: r.total,
    answered: r.answered,
    ms: r.ms,
    answers: [...r.answers],
  });
}

/**
 * Writes the result in `dir` under its name (resultFileName), never over another file: a second attempt gets "-2",
 * then "-3". Returns the path; throws what the file system says. Synchronous, as the game's effects are.
 */
export function writeResultFile(dir: string, result: ChallengeResult): string {
  const text = resultText(result);
  for (let attempt = 1; ; attempt++) {
    const path = join(dir, resultFileName(result.name, result.code, attempt));
    try {
      writeFileSync(path, text, { encoding: "utf8", flag: "wx" });
      return path;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 999) throw e;
    }
  }
}

/** The file's text: pretty JSON, the seal last. */
export function resultText(result: ChallengeResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/**
 * The HMAC of every field but the seal, in the schema's order whatever order the file has: so reformatting a file
 * (an editor re-indenting it) does not break the seal, and changing any value does.
 */
function sealOf(result: UnsealedResult): string {
  return createHmac("sha256", SEAL_KEY).update(JSON.stringify(canonical(result))).digest("hex");
}

function canonical(r: UnsealedResult): UnsealedResult {
  return {
    tcpTutor: r.tcpTutor,
    format: r.format,
    code: r.code,
    name: r.name,
    ...(r.live === undefined ? {} : { live: { seconds: r.live.seconds } }),
    version: r.version,
    started: r.started,
    finished: r.finished,
    score: r.score,
    correct: r.correct,
    total: r.total,
    answered: r.answered,
    ms: r.ms,
    answers: r.answers.map((a) => ({ puzzle: a.puzzle, question: a.question, answer: a.answer, hint: a.hint, ms: a.ms })),
  };
}

export type Verified =
  | {
      readonly ok: true;
      readonly result: ChallengeResult;
      readonly spec: ChallengeSpec;
      /** The round's puzzles, as the replay regenerated them. */
      readonly round: readonly DrillPuzzle[];
      readonly replay: Replay;
    }
  | { readonly ok: false; readonly reason: string };

/**
 * A result file's text checked in full: JSON, the shape, the seal, the code, the answers replayed, and every number
 * the file claims equal to the replay's. The first problem found is the reason (one line). A round drawn from a
 * level pack is replayed against `pack`, which must be the pack its code was made from.
 */
export function verifyResultText(text: string, pack?: readonly LoadedChapter[]): Verified {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse("not JSON");
  }
  if (typeof json !== "object" || json === null || (json as { tcpTutor?: unknown }).tcpTutor !== RESULT_KIND) {
    return refuse("not a tcp-tutor challenge result");
  }
  const parsed = ChallengeResult.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? "" : `${issue.path.join(".")}: `;
    return refuse(`not a valid result file (${where}${issue?.message ?? "invalid"})`);
  }
  const result = parsed.data;
  if (!sealsEqual(result.seal, sealOf(result))) {
    return refuse("edited after it was written (its seal does not match its contents)");
  }
  const decoded = decodeChallenge(result.code);
  if (!decoded.ok) return refuse(decoded.message);
  const spec = decoded.spec;
  const mode = result.live === undefined ? {} : { live: result.live };
  const round = roundOf(spec, pack);
  if (!round.ok) return refuse(`cannot be checked: ${round.problem}`);
  const replayed = replayChallenge(spec, round.round, toAnswers(result.answers), mode);
  if (!replayed.ok) return refuse(`impossible answers: ${replayed.reason}`);
  const replay = replayed.replay;
  for (const field of ["score", "correct", "total", "answered", "ms"] as const) {
    if (result[field] !== replay[field]) {
      return refuse(`its ${field} says ${result[field]}, but its answers give ${replay[field]}`);
    }
  }
  const wall = Date.parse(result.finished) - Date.parse(result.started);
  if (wall < 0) return refuse("it finished before it started");
  if (replay.ms > wall + 2_000) return refuse(`its answers took ${replay.ms} ms, longer than the round itself (${wall} ms)`);
  return { ok: true, result, spec, round: round.round, replay };
}

function toAnswers(answers: ChallengeResult["answers"]): ChallengeAnswer[] {
  return answers.map((a) => ({ puzzle: a.puzzle, question: a.question, answer: a.answer, hint: a.hint, ms: a.ms }));
}

function sealsEqual(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function refuse(reason: string): Verified {
  return { ok: false, reason };
}

/**
 * The file name a result is written to: the name (letters of any script kept; separators and anything a file system
 * could mind made "_") and the code, e.g. `Ann-1008-9430-02GJ.json`.
 */
export function resultFileName(name: string, code: string, attempt = 1): string {
  const safe = name.replace(/[\p{Cc}\p{Z}/\\:*?"<>|.]+/gu, "_").replace(/^_+|_+$/g, "") || "player";
  return `${safe}-${code}${attempt > 1 ? `-${attempt}` : ""}.json`;
}
