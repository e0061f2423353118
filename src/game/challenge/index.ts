/**
 * Classroom challenges (issue 7): a code carries a whole round; the round is regenerated from it; a result is
 * checked by replaying its answers; the scoreboard ranks what was checked. Pure, like the rest of src/game.
 */
export {
  ALPHABET,
  type ChallengeSpec,
  type DecodedCode,
  decodeChallenge,
  encodeChallenge,
  GENERATOR_VERSION,
  MAX_COUNT,
  MAX_MINUTES,
  MAX_SEED,
  specProblem,
} from "./code";
export { challengeRound } from "./round";
export { type ChallengeAnswer, type Replay, type ReplayMode, type ReplayOutcome, replayChallenge, TIME_GRACE_MS } from "./verify";
export { accuracyPerQuestion, type Ranked, rankResults } from "./rank";
export { challengeAnswers } from "./answers";
export {
  fingerprintText,
  PACK_BITS,
  packFingerprint,
  packLevels,
  packRound,
  roundCandidates,
  type RoundOutcome,
  roundOf,
} from "./pack";
