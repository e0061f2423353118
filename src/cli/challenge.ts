import { accessSync, constants } from "node:fs";
import { resolve } from "node:path";
import { availableDifficulties, TOPIC_INFO } from "../game/drill";
import {
  type ChallengeSpec,
  decodeChallenge,
  encodeChallenge,
  fingerprintText,
  GENERATOR_VERSION,
  MAX_SEED,
  packFingerprint,
  roundCandidates,
  roundOf,
} from "../game/challenge";
import { countLevels, type LoadedChapter, loadPack } from "../levels/loader";
import { LIVE_NAME_MAX, liveName } from "../game/live/names";
import { resultOf, resultText, writeResultFile } from "../store/challengeResult";
import { DEFAULT_PROFILE } from "../store/schema";
import type { ChallengeSubmission, GameStart } from "../ui/session";
import type { Command, SaveChoice } from "./args";
import { clockSeed } from "./drill";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, errorLine, type Io, plural } from "./io";
import { chosenProfile } from "./save";
import { VERSION } from "./version";

/**
 * `tcp-tutor challenge new` makes a code; `tcp-tutor challenge CODE` plays its round in the game and writes the
 * result file a student hands in (src/store/challengeResult.ts has its format).
 */

type NewCommand = Extract<Command, { kind: "challengeNew" }>;
type PlayCommand = Extract<Command, { kind: "challenge" }>;

/** The code on stdout (alone on its line, for scripts); what it stands for, and how students use it, on stderr. */
export async function challengeNew(command: NewCommand, io: Io): Promise<number> {
  const pack = command.levels === undefined ? undefined : await packFor(command.levels, io);
  if (typeof pack === "number") return pack;
  const problem = pack === undefined ? generatedProblem(command) : packProblem(command, pack);
  if (problem !== undefined) return usage(io, problem);
  const spec: ChallengeSpec = {
    generator: GENERATOR_VERSION,
    seed: command.seed ?? clockSeed(io.now()) % (MAX_SEED + 1),
    count: command.count,
    topics: command.topics,
    difficulty: command.difficulty,
    minutes: command.minutes,
    ...(pack === undefined ? {} : { pack: packFingerprint(pack) }),
  };
  const code = encodeChallenge(spec);
  io.stdout(`${code}\n`);
  io.stderr(
    pack === undefined
      ? `${describeSpec(spec)}\nEach student runs: tcp-tutor challenge ${code} --name NAME\n`
      : `${describeSpec(spec)}\nEach student runs: tcp-tutor challenge ${code} --levels DIR --name NAME\n` +
          `with DIR a copy of this level pack (${command.levels}): another pack, even another version of it, is refused\n`,
  );
  return EXIT_OK;
}

/** Puzzle i of a generated round draws its topic among the code's: each must have puzzles of a fixed difficulty. */
function generatedProblem(command: NewCommand): string | undefined {
  const d = command.difficulty;
  const topics = command.topics.length === 0 ? [undefined] : command.topics;
  const unable = d === undefined ? -1 : topics.findIndex((t) => !availableDifficulties(t).includes(d));
  if (unable === -1) return undefined;
  const topic = topics[unable];
  return `--difficulty ${d}: ${topic === undefined ? "no topic has" : `the topic ${topic} has no`} puzzles of that difficulty`;
}

/**
 * `--levels DIR`: a round of the pack's levels, each played whole; --difficulty keeps the levels of that difficulty;
 * topics are the generator's, so --topic does not apply.
 */
function packProblem(command: NewCommand, chapters: readonly LoadedChapter[]): string | undefined {
  if (command.topics.length > 0) return "--topic: a round from a level pack draws from all its levels (leave --topic out)";
  const candidates = roundCandidates(chapters, command.difficulty).length;
  if (candidates >= command.count) return undefined;
  const of = command.difficulty === undefined ? "" : ` of difficulty ${command.difficulty}`;
  return `--count ${command.count}: the pack in ${command.levels} has ${plural(candidates, "level")}${of}`;
}

/**
 * The pack in `dir` for a challenge round, or the exit status after saying why it cannot be used. A pack with a
 * problem is refused, not half used: every machine must draw the same round from it.
 */
export async function packFor(dir: string, io: Io, what = "challenge"): Promise<readonly LoadedChapter[] | number> {
  const pack = await loadPack(dir, io);
  if (countLevels(pack) === 0 || pack.problems.length > 0) {
    const why = countLevels(pack) === 0 ? "has no level that loads" : `has ${plural(pack.problems.length, "problem")}`;
    io.stderr(`${what}: the level pack ${pack.dir} ${why} (see tcp-tutor check ${pack.dir})\n`);
    return EXIT_PROBLEMS;
  }
  return pack.chapters;
}

/** "10 puzzles, every topic, difficulty rising from 1 to 5, 10 minutes" */
export function describeSpec(spec: ChallengeSpec): string {
  if (spec.pack !== undefined) {
    const difficulty = spec.difficulty === undefined ? "" : ` of difficulty ${spec.difficulty}`;
    const time = spec.minutes === 0 ? "untimed" : `${spec.minutes} min`;
    return `${spec.count} ${spec.count === 1 ? "level" : "levels"}${difficulty} from the level pack ${fingerprintText(spec.pack)}, ${time}`;
  }
  const topics =
    spec.topics.length === 0 ? "every topic" : spec.topics.map((t) => TOPIC_INFO[t].title.en).join(", ");
  const difficulty = spec.difficulty === undefined ? "difficulty rising over the round" : `difficulty ${spec.difficulty}`;
  const time = spec.minutes === 0 ? "untimed" : `${spec.minutes} min`;
  return `${spec.count} ${spec.count === 1 ? "puzzle" : "puzzles"}, ${topics}, ${difficulty}, ${time}`;
}

/**
 * `challenge CODE`: a code that cannot be (a typo, another generator) and a name or directory that cannot be used
 * are said before the round starts, so that nobody plays ten minutes for a result that cannot be written. After the
 * game, the result file's path on stdout.
 */
export async function playChallenge(
  command: PlayCommand,
  io: Io,
  play: (start: GameStart, submit: (s: ChallengeSubmission) => string) => Promise<number>,
): Promise<number> {
  const decoded = decodeChallenge(command.code);
  if (!decoded.ok) return usage(io, decoded.message);
  const pack = command.levels === undefined ? undefined : await packFor(command.levels, io);
  if (typeof pack === "number") return pack;
  const round = roundOf(decoded.spec, pack);
  if (!round.ok) return usage(io, round.problem);
  const name = playerName(command, io);
  if (typeof name !== "string") return usage(io, name.problem);
  const dir = resolve(command.out ?? ".");
  try {
    accessSync(dir, constants.W_OK);
  } catch (e) {
    io.stderr(`challenge: cannot write the result file in ${dir}: ${errorLine(e)} (choose another with --out DIR)\n`);
    return EXIT_PROBLEMS;
  }
  const code = encodeChallenge(decoded.spec);
  const written: string[] = [];
  const unwritten: { submission: ChallengeSubmission; error: string }[] = [];
  const exit = await play({ kind: "challenge", code, spec: decoded.spec, name, round: round.round }, (submission) => {
    try {
      const path = writeResult(dir, submission);
      written.push(path);
      return path;
    } catch (e) {
      unwritten.push({ submission, error: errorLine(e) });
      throw e;
    }
  });
  for (const path of written) io.stdout(`result written to ${path} (hand this file in)\n`);
  // Nothing lost: a result that could not be written (disk full, directory gone) is printed for the student to keep.
  if (written.length === 0 && unwritten.length > 0) {
    const { submission, error } = unwritten[unwritten.length - 1] as (typeof unwritten)[number];
    io.stderr(`challenge: the result file could not be written (${error}); here it is, save it as a .json file:\n`);
    io.stdout(resultText(sealed(submission)));
    return EXIT_PROBLEMS;
  }
  return exit;
}

/**
 * The player's name on a scoreboard: --name, else the profile's (--profile, or the one last chosen in the game)
 * unless it is the default one, else the login name; as a live round keeps names (NFC, spaces trimmed and single),
 * so that offline and live results follow one rule.
 */
export function playerName(
  command: { readonly name: string | undefined } & SaveChoice,
  io: Io,
): string | { readonly problem: string } {
  const profile = command.name === undefined ? chosenProfile(command, io) : undefined;
  const given =
    command.name ??
    (profile !== undefined && profile !== DEFAULT_PROFILE ? profile : undefined) ??
    io.env.USER ??
    io.env.LOGNAME ??
    io.env.USERNAME ??
    "player";
  const name = liveName(given);
  if (name === undefined) {
    return { problem: `--name ${JSON.stringify(given)}: 1 to ${LIVE_NAME_MAX} characters, no control characters` };
  }
  return name;
}

/** Writes the sealed result of a round played in `dir` (never over another file): the path. */
export function writeResult(dir: string, s: ChallengeSubmission): string {
  return writeResultFile(dir, sealed(s));
}

function sealed(s: ChallengeSubmission) {
  return resultOf({ ...s.replay, code: s.code, name: s.name, version: VERSION, startedAt: s.startedAt, finishedAt: s.finishedAt, answers: s.answers });
}

function usage(io: Io, message: string): number {
  io.stderr(`challenge: ${message} (see tcp-tutor --help)\n`);
  return EXIT_USAGE;
}
