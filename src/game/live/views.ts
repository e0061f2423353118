import { assertNever, type Trace } from "../../engine";
import type { Lang } from "../../levels/schema";
import { rankResults } from "../challenge";
import { answerLabel, promptFor } from "../describe";
import { nextText } from "../views";
import { LEADERBOARD_TOP, type PlayerReveal, type PlayerView } from "./player";
import { findPlayer, type LiveSlot, type Room } from "./room";
import type { LeaderboardRow, ProjectorQuestion, ProjectorView } from "./view";

/**
 * The room as the projector and each student see it. The words come from the game's own functions (the same
 * prompt, choice labels, "what happens next" and explanation as the single-player screen), in the language asked
 * for. The ladder is drawn by the caller's `ladder` function (src/ui/ladder.ts lives outside the pure game); it is
 * given the same Trace objects for the same question, so the caller can keep what it drew.
 */
export type LadderRenderer = (trace: Trace, lang: Lang) => readonly string[];

/** What the projector shows besides the room: how to join, in which language, how to draw a ladder. */
export interface ProjectorContext {
  /** "192.168.1.20:8123", as students type it after `tcp-tutor join`. */
  readonly address: string;
  readonly pin: string;
  readonly lang: Lang;
  readonly ladder: LadderRenderer;
}

export function projectorView(room: Room, now: number, context: ProjectorContext): ProjectorView {
  const current = currentSlot(room);
  const base = {
    phase: room.phase.kind,
    lang: context.lang,
    join: { address: context.address, pin: context.pin },
    players: playerCounts(room),
    leaderboard: leaderboard(room),
  };
  if (current === undefined) return base;
  const text = slotText(current.slot, context.lang);
  const question: ProjectorQuestion = {
    number: current.slot.number,
    total: room.slots.length,
    ...(text.next === undefined ? {} : { next: text.next }),
    prompt: text.prompt,
    choices: text.choices,
    ladder: context.ladder(current.closed ? current.slot.revealed : current.slot.shown, context.lang),
    seconds: room.settings.seconds,
    msLeft: current.closed ? 0 : Math.max(0, current.deadline - now),
    answered: distribution(room, current.slot).reduce((a, b) => a + b, 0),
  };
  if (!current.closed) return { ...base, question };
  return {
    ...base,
    question,
    reveal: {
      correct: current.slot.correct,
      distribution: distribution(room, current.slot),
      explain: text.explain,
      cite: text.cite,
    },
  };
}

/**
 * One player's screen, in their language; undefined for a name the room does not have. Their own answer shows as
 * `chosen` while the question is open, and whether it was right only in `reveal`.
 */
export function playerView(room: Room, name: string, now: number, lang: Lang, ladder: LadderRenderer): PlayerView | undefined {
  const player = findPlayer(room, name);
  if (player === undefined) return undefined;
  const board = leaderboard(room);
  const base = {
    phase: room.phase.kind,
    lang,
    round: { questions: room.slots.length, seconds: room.settings.seconds },
    you: {
      name: player.name,
      place: placeOf(room, player.name),
      score: player.score,
      correct: player.correct,
      streak: player.streak,
    },
    players: playerCounts(room),
    leaderboard: board.slice(0, LEADERBOARD_TOP),
  };
  const current = currentSlot(room);
  if (current === undefined) return base;
  const { slot } = current;
  const text = slotText(slot, lang);
  const own = player.answers[slot.number - 1];
  const question = {
    number: slot.number,
    total: room.slots.length,
    ...(text.next === undefined ? {} : { next: text.next }),
    prompt: text.prompt,
    choices: text.choices,
    ladder: ladder(current.closed ? slot.revealed : slot.shown, lang),
    seconds: room.settings.seconds,
    msLeft: current.closed ? 0 : Math.max(0, current.deadline - now),
    ...(own === undefined ? {} : { chosen: own.choice }),
  };
  if (!current.closed) return { ...base, question };
  const reveal: PlayerReveal = {
    correct: slot.correct,
    right: own?.correct ?? false,
    points: own?.points ?? 0,
    distribution: distribution(room, slot),
    explain: text.explain,
    cite: text.cite,
  };
  return { ...base, question, reveal };
}

const boards = new WeakMap<Room, readonly LeaderboardRow[]>();

/**
 * Everyone who joined, best first: score over the closed questions, then the time their answers took
 * (rankResults, as the offline scoreboard ranks); equal score and time share a place. Kept per room value, since
 * the server asks for it once per player it sends a view to.
 */
export function leaderboard(room: Room): readonly LeaderboardRow[] {
  const known = boards.get(room);
  if (known !== undefined) return known;
  const rows = rankResults(room.players).map(({ place, entry }) => ({
    place,
    name: entry.name,
    score: entry.score,
    correct: entry.correct,
    connected: entry.connected,
  }));
  boards.set(room, rows);
  return rows;
}

const places = new WeakMap<Room, ReadonlyMap<string, number>>();

function placeOf(room: Room, name: string): number {
  let index = places.get(room);
  if (index === undefined) {
    index = new Map(leaderboard(room).map((r) => [r.name, r.place]));
    places.set(room, index);
  }
  return index.get(name) ?? room.players.length;
}

const headcounts = new WeakMap<Room, { readonly connected: number; readonly joined: number }>();

/** Players connected and joined, kept per room value like the leaderboard (every student's view has them). */
function playerCounts(room: Room): { readonly connected: number; readonly joined: number } {
  let known = headcounts.get(room);
  if (known === undefined) {
    known = { connected: room.players.filter((p) => p.connected).length, joined: room.players.length };
    headcounts.set(room, known);
  }
  return known;
}

/** The question open or just closed, with its deadline; undefined in the lobby and at the end. */
function currentSlot(room: Room): { readonly slot: LiveSlot; readonly closed: boolean; readonly deadline: number } | undefined {
  const phase = room.phase;
  switch (phase.kind) {
    case "lobby":
    case "finished":
      return undefined;
    case "question":
    case "reveal": {
      const slot = room.slots[phase.slot];
      return slot === undefined ? undefined : { slot, closed: phase.kind === "reveal", deadline: phase.deadline };
    }
    default:
      return assertNever(phase);
  }
}

const distributions = new WeakMap<Room, readonly number[]>();

/**
 * How many players chose each choice of the current slot. Kept per room value: every student's reveal has it, and
 * counting it anew for each of them would cost the square of the class.
 */
function distribution(room: Room, slot: LiveSlot): readonly number[] {
  const known = distributions.get(room);
  if (known !== undefined) return known;
  const counts = slot.question.choices.map(() => 0);
  for (const p of room.players) {
    const a = p.answers[slot.number - 1];
    if (a !== undefined) counts[a.choice] = (counts[a.choice] ?? 0) + 1;
  }
  distributions.set(room, counts);
  return counts;
}

interface SlotText {
  readonly next: string | undefined;
  readonly prompt: string;
  readonly choices: readonly string[];
  readonly explain: string;
  readonly cite: readonly string[];
}

const texts = new WeakMap<LiveSlot, Map<Lang, SlotText>>();

/** A question's words in a language, as the single-player screen words it (questionView, feedbackView). */
function slotText(slot: LiveSlot, lang: Lang): SlotText {
  let byLang = texts.get(slot);
  if (byLang === undefined) {
    byLang = new Map();
    texts.set(slot, byLang);
  }
  const known = byLang.get(lang);
  if (known !== undefined) return known;
  const { posed, question } = slot;
  const text: SlotText = {
    next: nextText(slot.level, posed, lang),
    prompt: promptFor(posed.puzzle, lang),
    // Pose's order (by canonical text): the index a client sends back means the same choice for every language.
    choices: question.choices.map((c) => answerLabel(c.answer, lang)),
    explain: posed.puzzle.explain[lang],
    cite: posed.puzzle.cite,
  };
  byLang.set(lang, text);
  return text;
}
