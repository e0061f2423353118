import { answerKey } from "../../levels/answer";
import type { DrillPuzzle } from "../drill/generate";
import { questionsOf } from "../questions";
import { scoreAnswer } from "../scoring";
import type { ChallengeSpec } from "./code";

/**
 * A challenge result is checked by replaying it: the round is regenerated from its code, each answer is looked up
 * among its question's choices, and the score is recomputed with the game's scoring rules. Nothing a result file
 * claims about itself (score, right answers, time) is believed; it must equal the replay.
 */

/** One answer as a result file records it: which question, the answer's canonical text, the hint, the time. */
export interface ChallengeAnswer {
  /** Index of the puzzle in the round, from 0. */
  readonly puzzle: number;
  /**
   * Index of the question within the round's puzzle, from 0, counting every question of its level in play order: a
   * generated puzzle is one puzzle of the level (a ladder has several questions); a pack's level may have several.
   */
  readonly question: number;
  /** The chosen answer, as answerKey writes it ("TIME_WAIT", "FA 5001/1102", "60 s"). */
  readonly answer: string;
  readonly hint: boolean;
  /** Milliseconds from the question being shown to the answer. */
  readonly ms: number;
}

export interface Replay {
  readonly score: number;
  readonly correct: number;
  /** Questions in the round (answered or not). */
  readonly total: number;
  readonly answered: number;
  /** Time spent answering, the sum of the answers' times. */
  readonly ms: number;
  /** Each question of the round, in order: answered right, wrong, or not at all (time ran out). */
  readonly questions: readonly ("right" | "wrong" | "unanswered")[];
}

export type ReplayOutcome = { readonly ok: true; readonly replay: Replay } | { readonly ok: false; readonly reason: string };

/** A round's time limit allows this much more, for the moment between the last answer and the clock's check. */
export const TIME_GRACE_MS = 2_000;

/**
 * How the round was played. Offline (`tcp-tutor challenge CODE`) every question comes in turn and only the round's
 * clock can cut it short. Live (`tcp-tutor host`), each question is open for `seconds` and then the next one comes
 * whether or not the player answered: a question may be skipped, which breaks the streak.
 */
export interface ReplayMode {
  readonly live?: { readonly seconds: number };
}

/**
 * Replays answers against the round. The streak runs across the whole round, as the round is played as one
 * sequence of questions. An answer that could not have been given is a reason to refuse the whole result.
 */
export function replayChallenge(
  spec: ChallengeSpec,
  round: readonly DrillPuzzle[],
  answers: readonly ChallengeAnswer[],
  mode: ReplayMode = {},
): ReplayOutcome {
  const live = mode.live;
  const slots = round.flatMap((p, puzzle) =>
    questionsOf(p.level).map((slot, flat) => ({ ...slot, puzzle, flat, difficulty: p.difficulty })),
  );
  const outcome: ("right" | "wrong" | "unanswered")[] = slots.map(() => "unanswered");
  let score = 0;
  let streak = 0;
  let ms = 0;
  let previous = -1;
  for (const [n, a] of answers.entries()) {
    const at = slots.findIndex((s) => s.puzzle === a.puzzle && s.flat === a.question);
    const slot = slots[at];
    const which = `answer ${n + 1} (puzzle ${a.puzzle + 1}, question ${a.question + 1})`;
    if (slot === undefined) return refuse(`${which}: the round has no such question`);
    if (at <= previous) return refuse(`${which}: answered out of order or twice`);
    if (!Number.isInteger(a.ms) || a.ms < 0) return refuse(`${which}: the time ${a.ms} ms is impossible`);
    if (live !== undefined && a.ms > live.seconds * 1000 + TIME_GRACE_MS) {
      return refuse(`${which}: answered after ${Math.round(a.ms / 1000)} s, when the question was open for ${live.seconds} s`);
    }
    if (a.hint && slot.posed.puzzle.hint === undefined) return refuse(`${which}: a hint was taken where there is none`);
    if (!slot.question.choices.some((c) => answerKey(c.answer) === a.answer)) {
      return refuse(`${which}: "${a.answer}" is not one of the question's choices`);
    }
    // Offline, a ladder's later questions follow from the earlier ones: all of a puzzle's questions come in turn.
    if (live === undefined && at !== previous + 1 && slots[previous + 1]?.puzzle === slot.puzzle) {
      return refuse(`${which}: an earlier question of the same puzzle was skipped`);
    }
    // Live, a question left unanswered is one not answered right: the streak starts again.
    if (at !== previous + 1) streak = 0;
    previous = at;
    const correct = answerKey(slot.question.correct) === a.answer;
    score += scoreAnswer({ difficulty: slot.difficulty, correct, hint: a.hint, streak, ms: a.ms });
    streak = correct ? streak + 1 : 0;
    ms += a.ms;
    outcome[at] = correct ? "right" : "wrong";
  }
  if (spec.minutes > 0 && ms > spec.minutes * 60_000 + TIME_GRACE_MS) {
    return refuse(`the answers took ${Math.round(ms / 1000)} s, more than the round's ${spec.minutes} min`);
  }
  return {
    ok: true,
    replay: {
      score,
      correct: outcome.filter((o) => o === "right").length,
      total: slots.length,
      answered: answers.length,
      ms,
      questions: outcome,
    },
  };
}

function refuse(reason: string): ReplayOutcome {
  return { ok: false, reason };
}
