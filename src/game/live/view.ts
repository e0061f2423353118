/**
 * What the projector page (and the host's screen) shows of a live round (issue 8): everything the room knows that
 * the whole lecture hall may see. Plain JSON, sent over the `/watch` WebSocket on every change (as a WatchView:
 * without the PIN to a watcher on another machine).
 *
 * While a question is open nothing in it tells which choice is right: `reveal` appears only once the question has
 * closed (deadline passed, or every connected player answered).
 */
export type LivePhase = "lobby" | "question" | "reveal" | "finished";

export interface ProjectorView {
  readonly phase: LivePhase;
  /** The host's language, in which every text of the view is written. */
  readonly lang: "en" | "zh-CN";
  /** How students join: `tcp-tutor join ADDRESS --pin PIN`. */
  readonly join: { readonly address: string; readonly pin: string };
  /** Players connected now, and joined in all (a dropped player still counts in `joined`). */
  readonly players: { readonly connected: number; readonly joined: number };
  /** The question open or just closed; absent in the lobby and at the end. */
  readonly question?: ProjectorQuestion;
  /** The question's outcome, only once it has closed (phase "reveal"). */
  readonly reveal?: ProjectorReveal;
  /** Everyone who joined, best first (score, then total answer time); places shared on ties. */
  readonly leaderboard: readonly LeaderboardRow[];
}

/**
 * What a `/watch` socket is sent: the projector's view, the PIN withheld (null) from a watcher that is not on the
 * host's own machine, so that whoever can reach the port cannot read it there (src/live/server.ts decides). The
 * projector page then says the PIN is on the host's screen. The host's own view (ProjectorView) always has it.
 */
export type WatchView = Omit<ProjectorView, "join"> & {
  readonly join: { readonly address: string; readonly pin: string | null };
};

/** A question as every screen shows it: the projector, the host's terminal and each student's (player.ts). */
export interface QuestionShown {
  /** 1-based among the round's questions (what an answer sends back), and their number. */
  readonly number: number;
  readonly total: number;
  /** What happens next in the scenario, in words, when the question comes after a step. */
  readonly next?: string;
  readonly prompt: string;
  /** The choices' labels; an answer sends the index of one. */
  readonly choices: readonly string[];
  /** The ladder diagram so far, as text lines 80 columns wide (src/ui/ladder.ts), for a monospace block. */
  readonly ladder: readonly string[];
  /** Seconds the question is open for, and milliseconds left when this view was sent (0 once closed). */
  readonly seconds: number;
  readonly msLeft: number;
}

export interface ProjectorQuestion extends QuestionShown {
  /** Players who have answered it so far. */
  readonly answered: number;
}

export interface ProjectorReveal {
  /** Index of the right choice in `question.choices`. */
  readonly correct: number;
  /** How many players chose each choice, by index. */
  readonly distribution: readonly number[];
  readonly explain: string;
  readonly cite: readonly string[];
}

export interface LeaderboardRow {
  readonly place: number;
  readonly name: string;
  readonly score: number;
  /** Questions answered right so far. */
  readonly correct: number;
  readonly connected: boolean;
}
