import { answerKey } from "../../levels/answer";
import { type ChallengeAnswer, rankResults } from "../challenge";
import { closedCount, type Room } from "./room";

/**
 * What each player of a live round hands in, as an offline challenge's result file records it (src/store/
 * challengeResult.ts writes and seals it; the CLI adds the code, the version and the times). The answers are the
 * server's own record, so replayChallenge(spec, round, answers, { live: { seconds } }) gives back exactly this score.
 */
export interface LiveResult {
  /** Place on the final leaderboard, from 1; shared on ties. */
  readonly place: number;
  readonly name: string;
  /** The questions the player answered, in order; a skipped question has no entry. No hints in a live round. */
  readonly answers: readonly ChallengeAnswer[];
  readonly score: number;
  readonly correct: number;
  /** Questions in the round, answered or not. */
  readonly total: number;
  readonly answered: number;
  /** Sum of the answers' times. */
  readonly ms: number;
}

/**
 * Every player's result, best first. Only closed questions count: called while a question is open (the host quit
 * mid-round), its answers are left out, as they are from the scores.
 */
export function liveResults(room: Room): LiveResult[] {
  const closed = closedCount(room);
  const results = room.players.map((p) => {
    const answers: ChallengeAnswer[] = [];
    for (const [k, a] of p.answers.entries()) {
      const slot = room.slots[k];
      const choice = slot?.question.choices[a?.choice ?? -1];
      if (k >= closed || a === undefined || slot === undefined || choice === undefined) continue;
      answers.push({ puzzle: slot.puzzle, question: slot.inLevel, answer: answerKey(choice.answer), hint: false, ms: a.ms });
    }
    const total = room.slots.length;
    return { name: p.name, answers, score: p.score, correct: p.correct, total, answered: answers.length, ms: p.ms };
  });
  return rankResults(results).map(({ place, entry }) => ({ place, ...entry }));
}
