import { assertNever, type Trace } from "../../engine";
import { sameAnswer } from "../../levels/answer";
import type { LoadedLevel } from "../../levels/loader";
import { type ChallengeSpec, challengeRound, specProblem } from "../challenge";
import type { DrillPuzzle } from "../drill/generate";
import { questionsOf, type Slot } from "../questions";
import { revealedUntil, traceUntil } from "../reveal";
import { scoreAnswer } from "../scoring";
import { liveName, nameKey, uniqueName } from "./names";

/**
 * A live round (issue 8) as pure data: the teacher's server keeps a Room and replaces it with what these functions
 * return, `(room, input, now) → { room, outcome }`. Nothing here reads a clock, draws a random number or touches a
 * socket: times come in as `now` (milliseconds on any monotonic clock, the same for every call), tokens from the
 * caller. So every rule of the round (who may answer, when a question closes, what an answer scores) is tested
 * without a server, and the server only moves data between sockets and these functions.
 *
 *   lobby ──start──▶ question 1 ──deadline, or every connected player answered, or next──▶ reveal 1
 *         ──next (or revealSeconds later)──▶ question 2 … reveal N ──next──▶ finished
 *
 * A round is a challenge spec (the same code offline players use) whose every question (a ladder puzzle has
 * several) is asked to everyone at once, each open for `seconds`. A question left unanswered does not stop the next
 * one; it breaks the streak, as replayChallenge(…, { live }) counts it.
 */

export interface RoomSettings {
  readonly spec: ChallengeSpec;
  /** How long each question is open, 1 to 3600 (the result file's limit). */
  readonly seconds: number;
  /** Seconds a closed question stays up before the next comes by itself; absent: the host advances (next). */
  readonly revealSeconds?: number;
  /** New players refused beyond this many (a rejoin is always let in). Default 500. */
  readonly maxPlayers?: number;
}

export const DEFAULT_MAX_PLAYERS = 500;
export const MAX_SECONDS = 3600;

/** One question of the round, with everything about it worked out once when the room is made. */
export interface LiveSlot extends Slot {
  /** 1-based among the round's questions: what clients send back in an answer. */
  readonly number: number;
  /** The puzzle's index in the round (ChallengeAnswer.puzzle); `index` is the question's within its posed puzzle. */
  readonly puzzle: number;
  /** The question's place among all its level's questions (ChallengeAnswer.question). */
  readonly inLevel: number;
  readonly difficulty: number;
  readonly level: LoadedLevel;
  /** Index of the right choice in `question.choices`. */
  readonly correct: number;
  /** The trace as the question shows it, and as its answer reveals it (the ladder grows). */
  readonly shown: Trace;
  readonly revealed: Trace;
}

export type RoomPhase =
  | { readonly kind: "lobby" }
  | { readonly kind: "question"; readonly slot: number; readonly openedAt: number; readonly deadline: number }
  | {
      readonly kind: "reveal";
      readonly slot: number;
      readonly openedAt: number;
      readonly deadline: number;
      readonly closedAt: number;
    }
  | { readonly kind: "finished" };

/** One accepted answer. Its points are worked out when it is given but count (score, leaderboard) once it closes. */
export interface LiveAnswer {
  readonly choice: number;
  /** From the question opening to the server receiving the answer. */
  readonly ms: number;
  readonly correct: boolean;
  readonly points: number;
}

export interface LivePlayer {
  /** Unique in the room (case aside): the key players are found by. */
  readonly name: string;
  /** The secret a rejoin proves itself with (given by the caller at the first join). */
  readonly token: string;
  readonly connected: boolean;
  /** Over the closed questions only, so that nothing moves on screen before a question closes. */
  readonly score: number;
  readonly correct: number;
  /** Sum of the answers' times: the leaderboard's tie-break. */
  readonly ms: number;
  /** Right answers in a row up to the last closed question (a wrong or missed one resets it). */
  readonly streak: number;
  /** By slot index; undefined where the player has not answered. */
  readonly answers: readonly (LiveAnswer | undefined)[];
}

export interface Room {
  readonly settings: Readonly<Required<Omit<RoomSettings, "revealSeconds">>> & Pick<RoomSettings, "revealSeconds">;
  readonly slots: readonly LiveSlot[];
  readonly phase: RoomPhase;
  /** In the order they first joined. */
  readonly players: readonly LivePlayer[];
}

/**
 * A new room in the lobby. `round` is challengeRound(spec), passed when the caller already has it (generating is
 * the expensive part). A RangeError for settings no result file could carry (spec.minutes must be 0).
 */
export function createRoom(settings: RoomSettings, round: readonly DrillPuzzle[] = challengeRound(settings.spec)): Room {
  const { seconds, revealSeconds, maxPlayers = DEFAULT_MAX_PLAYERS } = settings;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_SECONDS) {
    throw new RangeError(`seconds must be a whole number from 1 to ${MAX_SECONDS}`);
  }
  if (revealSeconds !== undefined && !(Number.isFinite(revealSeconds) && revealSeconds >= 0)) {
    throw new RangeError("revealSeconds must be 0 or more");
  }
  if (!Number.isInteger(maxPlayers) || maxPlayers < 1) throw new RangeError("maxPlayers must be at least 1");
  const problem = specProblem(settings.spec);
  if (problem !== undefined) throw new RangeError(problem);
  // Each question has its own time; a round-wide limit would make replayChallenge refuse long rounds' results.
  if (settings.spec.minutes !== 0) throw new RangeError("a live round's spec has minutes 0 (each question has its seconds)");
  if (round.length !== settings.spec.count) throw new RangeError("the round does not have the spec's count of puzzles");
  const slots = round.flatMap((p, puzzle) =>
    questionsOf(p.level).map((slot, inLevel) => {
      const correct = slot.question.choices.findIndex((c) => sameAnswer(c.answer, slot.question.correct));
      return {
        ...slot,
        puzzle,
        inLevel,
        difficulty: p.difficulty,
        level: p.level,
        correct,
        shown: traceUntil(p.level.trace, slot.question.shownUntil),
        revealed: traceUntil(p.level.trace, revealedUntil(slot.posed, slot.question, p.level.trace)),
      };
    }),
  );
  return {
    settings: { spec: settings.spec, seconds, maxPlayers, ...(revealSeconds === undefined ? {} : { revealSeconds }) },
    slots: slots.map((s, i) => ({ ...s, number: i + 1 })),
    phase: { kind: "lobby" },
    players: [],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Joining and leaving

export type JoinRefusal = "name" | "full" | "finished";

export type JoinOutcome =
  | { readonly kind: "joined"; readonly name: string; readonly token: string; readonly resumed: boolean }
  | { readonly kind: "refused"; readonly reason: JoinRefusal };

export interface JoinRequest {
  /** As typed; liveName() makes it the room's. */
  readonly name: string;
  /** The token a client got at its first join, when it rejoins. */
  readonly token?: string;
  /** The token to give a new player (fresh, unguessable: the caller draws it). */
  readonly newToken: string;
}

/**
 * A player joins or rejoins:
 * - a name no one has: a new player (not once the round is over, not beyond maxPlayers);
 * - a name someone has, with their token: it is them again (even if their old connection still looks alive: the
 *   caller should close it), score kept;
 * - a name someone disconnected has, without a token: taken to be them as well. A student whose terminal closed
 *   has lost their token, and the issue wants "rejoins with the same name and keeps their score"; the price is that
 *   a classmate could take over a dropped player's name by typing it, which the teacher sees on the projector;
 * - otherwise (the player is connected, or the token is wrong): a new player, the name made unique ("Ann 2").
 */
export function joinRoom(room: Room, request: JoinRequest): { readonly room: Room; readonly outcome: JoinOutcome } {
  const name = liveName(request.name);
  if (name === undefined) return { room, outcome: { kind: "refused", reason: "name" } };
  const key = nameKey(name);
  const at = room.players.findIndex((p) => nameKey(p.name) === key);
  const existing = room.players[at];
  if (existing !== undefined && resumes(existing, request.token)) {
    const player = { ...existing, connected: true };
    return {
      room: { ...room, players: replaceAt(room.players, at, player) },
      outcome: { kind: "joined", name: player.name, token: player.token, resumed: true },
    };
  }
  if (room.phase.kind === "finished") return { room, outcome: { kind: "refused", reason: "finished" } };
  if (room.players.length >= room.settings.maxPlayers) return { room, outcome: { kind: "refused", reason: "full" } };
  const keys = new Set(room.players.map((p) => nameKey(p.name)));
  const unique = uniqueName(name, (k) => keys.has(k));
  const player: LivePlayer = {
    name: unique,
    token: request.newToken,
    connected: true,
    score: 0,
    correct: 0,
    ms: 0,
    streak: 0,
    answers: room.slots.map(() => undefined),
  };
  return {
    room: { ...room, players: [...room.players, player] },
    outcome: { kind: "joined", name: unique, token: player.token, resumed: false },
  };
}

function resumes(player: LivePlayer, token: string | undefined): boolean {
  return token === undefined ? !player.connected : token === player.token;
}

/**
 * Whether a join with this name and token would resume a player, without joining: the server lets such rejoins
 * past its join-rate limit (a whole class reconnecting after the Wi-Fi drops).
 */
export function wouldResume(room: Room, name: string, token: string | undefined): boolean {
  const clean = liveName(name);
  if (clean === undefined || token === undefined) return false;
  const key = nameKey(clean);
  const player = room.players.find((p) => nameKey(p.name) === key);
  return player !== undefined && player.token === token;
}

/**
 * The player's connection dropped: they stay in the room and on the leaderboard, marked disconnected, and no longer
 * hold up the open question.
 */
export function leaveRoom(room: Room, name: string, now: number): { readonly room: Room } {
  const at = room.players.findIndex((p) => p.name === name);
  const player = room.players[at];
  if (player === undefined || !player.connected) return { room };
  const left = { ...room, players: replaceAt(room.players, at, { ...player, connected: false }) };
  return { room: closeIfAllAnswered(left, now) };
}

const byName = new WeakMap<Room, ReadonlyMap<string, LivePlayer>>();

/**
 * The player of that exact name (the room's, as joinRoom gave it). Indexed once per room value: the server looks
 * every player up each time it sends views.
 */
export function findPlayer(room: Room, name: string): LivePlayer | undefined {
  let index = byName.get(room);
  if (index === undefined) {
    index = new Map(room.players.map((p) => [p.name, p]));
    byName.set(room, index);
  }
  return index.get(name);
}

// ---------------------------------------------------------------------------------------------------------------
// The round

/** The round begins: the first question opens. False (and the room unchanged) outside the lobby. */
export function startRoom(room: Room, now: number): { readonly room: Room; readonly started: boolean } {
  if (room.phase.kind !== "lobby") return { room, started: false };
  return { room: openQuestion(room, 0, now), started: true };
}

/**
 * The host's key: starts the round from the lobby, closes the open question early, shows the next question after
 * a reveal, or finishes after the last one. Nothing once finished.
 */
export function advanceRoom(room: Room, now: number): { readonly room: Room } {
  const phase = room.phase;
  switch (phase.kind) {
    case "lobby":
      return { room: openQuestion(room, 0, now) };
    case "question":
      return { room: closeQuestion(room, now) };
    case "reveal": {
      const last = phase.slot + 1 >= room.slots.length;
      return { room: last ? { ...room, phase: { kind: "finished" } } : openQuestion(room, phase.slot + 1, now) };
    }
    case "finished":
      return { room };
    default:
      return assertNever(phase);
  }
}

/**
 * What time does by itself: the open question closes at its deadline; with revealSeconds, a closed one gives way
 * to the next. One step per call; the caller calls again at nextTimer(room).
 */
export function tickRoom(room: Room, now: number): { readonly room: Room } {
  const at = nextTimer(room);
  if (at === undefined || now < at) return { room };
  return advanceRoom(room, now);
}

/** When tickRoom next has something to do, or undefined when only a player or the host can move the round. */
export function nextTimer(room: Room): number | undefined {
  const { phase, settings } = room;
  if (phase.kind === "question") return phase.deadline;
  if (phase.kind === "reveal" && settings.revealSeconds !== undefined) return phase.closedAt + settings.revealSeconds * 1000;
  return undefined;
}

/**
 * Why an answer does not count:
 * - late: the question's time was over (by the server's clock, whatever the client's countdown said);
 * - twice: the player already answered this question (the first answer stands);
 * - closed: the question is not open (not yet, or closed early by the host or because everyone had answered);
 * - invalid: no such question or no such choice.
 */
export type AnswerRefusal = "late" | "twice" | "closed" | "invalid";
export type AnswerOutcome = "accepted" | AnswerRefusal;

export const ANSWER_OUTCOMES: readonly AnswerOutcome[] = ["accepted", "late", "twice", "closed", "invalid"];

export interface AnswerInput {
  /** The question's 1-based number (LiveSlot.number). */
  readonly question: number;
  /** Index into the question's choices. */
  readonly choice: number;
}

/**
 * A player answers. An accepted answer is scored at once (the game's scoring, with the time since the question
 * opened and the player's streak) but counts only when the question closes, which it does as soon as every
 * connected player has answered. An answer after the deadline also closes the question, as its timer would have.
 */
export function answerRoom(
  room: Room,
  name: string,
  input: AnswerInput,
  now: number,
): { readonly room: Room; readonly outcome: AnswerOutcome } {
  const at = room.players.findIndex((p) => p.name === name);
  const player = room.players[at];
  const k = input.question - 1;
  const slot = room.slots[k];
  if (player === undefined || slot === undefined || !Number.isInteger(input.question)) return { room, outcome: "invalid" };
  if (!Number.isInteger(input.choice) || input.choice < 0 || input.choice >= slot.question.choices.length) {
    return { room, outcome: "invalid" };
  }
  if (player.answers[k] !== undefined) return { room, outcome: "twice" };
  const phase = room.phase;
  const opened = (phase.kind === "question" || phase.kind === "reveal") && phase.slot === k;
  if (opened && now >= phase.deadline) return { room: closeQuestion(room, now), outcome: "late" };
  if (phase.kind !== "question" || phase.slot !== k) return { room, outcome: "closed" };

  const ms = Math.max(0, Math.round(now - phase.openedAt));
  const correct = input.choice === slot.correct;
  const points = scoreAnswer({ difficulty: slot.difficulty, correct, hint: false, streak: player.streak, ms });
  const answers = replaceAt(player.answers, k, { choice: input.choice, ms, correct, points });
  const answered = { ...room, players: replaceAt(room.players, at, { ...player, answers }) };
  return { room: closeIfAllAnswered(answered, now), outcome: "accepted" };
}

function openQuestion(room: Room, slot: number, now: number): Room {
  return { ...room, phase: { kind: "question", slot, openedAt: now, deadline: now + room.settings.seconds * 1000 } };
}

/** The open question closes: its answers count, and whoever did not answer it loses their streak. */
function closeQuestion(room: Room, now: number): Room {
  const phase = room.phase;
  if (phase.kind !== "question") return room;
  const k = phase.slot;
  const players = room.players.map((p) => {
    const a = p.answers[k];
    if (a === undefined) return p.streak === 0 ? p : { ...p, streak: 0 };
    return {
      ...p,
      score: p.score + a.points,
      correct: p.correct + (a.correct ? 1 : 0),
      ms: p.ms + a.ms,
      streak: a.correct ? p.streak + 1 : 0,
    };
  });
  return { ...room, players, phase: { ...phase, kind: "reveal", closedAt: now } };
}

/**
 * Closes the open question once every connected player has answered it. With nobody connected it stays open to
 * its deadline: a Wi-Fi drop that takes the whole class away for a moment must not skip the question.
 */
function closeIfAllAnswered(room: Room, now: number): Room {
  const phase = room.phase;
  if (phase.kind !== "question") return room;
  const connected = room.players.filter((p) => p.connected);
  if (connected.length === 0 || connected.some((p) => p.answers[phase.slot] === undefined)) return room;
  return closeQuestion(room, now);
}

/** Questions closed so far: their answers count; the open one's do not yet. */
export function closedCount(room: Room): number {
  const phase = room.phase;
  switch (phase.kind) {
    case "lobby":
      return 0;
    case "question":
      return phase.slot;
    case "reveal":
      return phase.slot + 1;
    case "finished":
      return room.slots.length;
    default:
      return assertNever(phase);
  }
}

function replaceAt<T>(xs: readonly T[], i: number, x: T): T[] {
  const copy = [...xs];
  copy[i] = x;
  return copy;
}
