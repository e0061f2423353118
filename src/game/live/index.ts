/**
 * Live rounds (issue 8), the pure part: the room's rules (room.ts), what the projector and each student see
 * (views.ts, view.ts, player.ts) and the players' results (results.ts). The server in src/live drives it.
 */
export { LIVE_NAME_MAX, liveName, nameKey, uniqueName } from "./names";
export {
  ANSWER_OUTCOMES,
  type AnswerInput,
  type AnswerOutcome,
  type AnswerRefusal,
  advanceRoom,
  answerRoom,
  closedCount,
  createRoom,
  DEFAULT_MAX_PLAYERS,
  findPlayer,
  type JoinOutcome,
  type JoinRefusal,
  type JoinRequest,
  joinRoom,
  leaveRoom,
  type LiveAnswer,
  type LivePlayer,
  type LiveSlot,
  MAX_SECONDS,
  nextTimer,
  type Room,
  type RoomPhase,
  type RoomSettings,
  startRoom,
  tickRoom,
  wouldResume,
} from "./room";
export { LEADERBOARD_TOP, type PlayerQuestion, type PlayerReveal, type PlayerStanding, type PlayerView } from "./player";
export { type LadderRenderer, leaderboard, playerView, type ProjectorContext, projectorView } from "./views";
export { type LiveResult, liveResults } from "./results";
export type { LeaderboardRow, LivePhase, ProjectorQuestion, ProjectorReveal, ProjectorView, WatchView } from "./view";
