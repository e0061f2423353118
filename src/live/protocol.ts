import { z } from "zod";
import { ANSWER_OUTCOMES, type AnswerOutcome, type JoinRefusal, type PlayerView, type WatchView } from "../game/live";

/**
 * The live round's wire protocol (issue 8): JSON text messages over WebSocket, on one port with the projector page.
 *
 *   /play   a student's terminal (`tcp-tutor join`, src/live/client.ts)
 *     client → server   {type:"join", pin, name, lang?, token?}      first, once, within 10 s (joinTimeoutMs)
 *                       {type:"answer", question, choice}            question: the open question's number (from 1)
 *     server → client   {type:"welcome", name, token, resumed}       joined: the name made unique, the rejoin token
 *                       {type:"view", view: PlayerView}              whenever the student's screen changes
 *                       {type:"answerResult", question, outcome}     to each answer, in order; an accepted
 *                                                                    answer brings no new view (the client shows
 *                                                                    its own choice; the next view has it too)
 *                       {type:"refused", reason, message}            then the server closes (CLOSE by reason)
 *   /watch  the projector page: a WatchView (src/game/live/view.ts) on connecting and on every change: the
 *           ProjectorView, its PIN null for a watcher on another machine (the PIN is what keeps out who is not in the
 *           room, so only the host's own machine, driving the projector, sees it).
 *           Read-only: anything it sends closes it.
 *
 * Every message a client sends is checked here, size first (MAX_MESSAGE_BYTES, enforced by the WebSocket itself),
 * then JSON, then shape (strict: an unknown field is an error). A message that fails closes its connection with a
 * code saying why; nothing a client sends can throw inside the server.
 */

export const PLAY_PATH = "/play";
export const WATCH_PATH = "/watch";

/** A client's message is at most this big: a join or an answer is under 300 bytes. */
export const MAX_MESSAGE_BYTES = 4096;
/** The server's messages to a client (a view with its ladder, a projector view with 500 leaderboard rows). */
export const MAX_SERVER_MESSAGE_BYTES = 1024 * 1024;

/** Close codes: the standard ones (RFC 6455 §7.4.1) for protocol errors, 4000s for the round's own reasons. */
export const CLOSE = {
  /** The host ended the round (server shutting down). */
  goingAway: 1001,
  /** A binary message: the protocol is JSON text. */
  unsupported: 1003,
  /** Not JSON (or not UTF-8, which the ws library checks). */
  malformed: 1007,
  /** Valid JSON the protocol does not allow, a message out of turn, no join in time, a watcher that spoke. */
  policy: 1008,
  /** Over MAX_MESSAGE_BYTES (the ws library closes with it). */
  tooBig: 1009,
  internal: 1011,
  /** The same player joined again on another connection, which takes over. */
  replaced: 4000,
  wrongPin: 4001,
  /** Too many joins or wrong PINs from one address: try again later (the client does, after a while). */
  rateLimited: 4002,
  full: 4003,
  /** The round is over and the name is not one of its players. */
  finished: 4004,
  /** The name is empty, too long or has control characters. */
  badName: 4005,
} as const;

/** Why a join was refused: the room's reasons, a wrong PIN, or too many attempts. */
export type Refusal = JoinRefusal | "pin" | "rate";

export const REFUSALS: Readonly<Record<Refusal, { readonly code: number; readonly message: string }>> = {
  pin: { code: CLOSE.wrongPin, message: "wrong PIN" },
  rate: { code: CLOSE.rateLimited, message: "too many attempts from your network: try again in a minute" },
  full: { code: CLOSE.full, message: "the round is full" },
  finished: { code: CLOSE.finished, message: "the round is over" },
  name: { code: CLOSE.badName, message: "a name is 1 to 24 characters, without control characters" },
};

const LANG = z.enum(["en", "zh-CN"]);

// ---------------------------------------------------------------------------------------------------------------
// Client → server (strict: what a client may send, nothing more)

export const JoinMessage = z.strictObject({
  type: z.literal("join"),
  pin: z.string().max(32),
  /** Checked by the room (liveName); the bound only keeps hostile input small. */
  name: z.string().max(100),
  lang: LANG.optional(),
  token: z.string().min(1).max(128).optional(),
});
export type JoinMessage = z.infer<typeof JoinMessage>;

export const AnswerMessage = z.strictObject({
  type: z.literal("answer"),
  question: z.int().min(1).max(10_000),
  choice: z.int().min(0).max(1_000),
});
export type AnswerMessage = z.infer<typeof AnswerMessage>;

export const ClientMessage = z.discriminatedUnion("type", [JoinMessage, AnswerMessage]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export type Decoded =
  | { readonly ok: true; readonly message: ClientMessage }
  | { readonly ok: false; readonly code: number; readonly reason: string };

/** A client's text message, checked: the message, or the close code and reason to close its connection with. */
export function decodeClientMessage(text: string): Decoded {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, code: CLOSE.malformed, reason: "not JSON" };
  }
  const parsed = ClientMessage.safeParse(json);
  if (!parsed.success) return { ok: false, code: CLOSE.policy, reason: `invalid message: ${problem(parsed.error)}` };
  return { ok: true, message: parsed.data };
}

/** The first issue of a failed parse, in a line: "choice: Too big: expected number to be <=1000". */
function problem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return "unknown";
  const path = issue.path.map(String).join(".");
  return path === "" ? issue.message : `${path}: ${issue.message}`;
}

/** A close reason fits in 123 bytes of UTF-8 (RFC 6455 §5.5: a control frame's payload is at most 125). */
export function closeReason(text: string): string {
  let out = "";
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > 123) break;
    out += ch;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Server → client. Not strict: a newer host may add fields an older client ignores (the views only grow).

const LeaderboardRowSchema = z.object({
  place: z.int().min(1),
  name: z.string(),
  score: z.int().min(0),
  correct: z.int().min(0),
  connected: z.boolean(),
});

const PHASE = z.enum(["lobby", "question", "reveal", "finished"]);

/** A question's fields as every view has them (QuestionShown). */
const QUESTION = z.object({
  number: z.int().min(1),
  total: z.int().min(1),
  next: z.string().optional(),
  prompt: z.string(),
  choices: z.array(z.string()),
  ladder: z.array(z.string()),
  seconds: z.int().min(1),
  msLeft: z.number().min(0),
});

/** A closed question's outcome as every view has it. */
const REVEAL = z.object({
  correct: z.int().min(0),
  distribution: z.array(z.int().min(0)),
  explain: z.string(),
  cite: z.array(z.string()),
});

export const PlayerViewSchema = z.object({
  phase: PHASE,
  lang: LANG,
  round: z.object({ questions: z.int().min(1), seconds: z.int().min(1) }),
  you: z.object({
    name: z.string(),
    place: z.int().min(1),
    score: z.int().min(0),
    correct: z.int().min(0),
    streak: z.int().min(0),
  }),
  players: z.object({ connected: z.int().min(0), joined: z.int().min(0) }),
  question: QUESTION.extend({ chosen: z.int().min(0).optional() }).optional(),
  reveal: REVEAL.extend({ right: z.boolean(), points: z.int().min(0) }).optional(),
  leaderboard: z.array(LeaderboardRowSchema),
}) satisfies z.ZodType<PlayerView>;

/** What /watch sends (a WatchView: a ProjectorView whose PIN may be withheld). */
export const ProjectorViewSchema = z.object({
  phase: PHASE,
  lang: LANG,
  join: z.object({ address: z.string(), pin: z.string().nullable() }),
  players: z.object({ connected: z.int().min(0), joined: z.int().min(0) }),
  question: QUESTION.extend({ answered: z.int().min(0) }).optional(),
  reveal: REVEAL.optional(),
  leaderboard: z.array(LeaderboardRowSchema),
}) satisfies z.ZodType<WatchView>;

const OUTCOME = z.enum(ANSWER_OUTCOMES as [AnswerOutcome, ...AnswerOutcome[]]);

export const WelcomeMessage = z.object({
  type: z.literal("welcome"),
  name: z.string(),
  token: z.string(),
  resumed: z.boolean(),
});
export const ViewMessage = z.object({ type: z.literal("view"), view: PlayerViewSchema });
export const AnswerResultMessage = z.object({ type: z.literal("answerResult"), question: z.int(), outcome: OUTCOME });
export const RefusedMessage = z.object({
  type: z.literal("refused"),
  reason: z.enum(Object.keys(REFUSALS) as [Refusal, ...Refusal[]]),
  message: z.string(),
});

/** What the server sends on /play. */
export type ServerMessage =
  | { readonly type: "welcome"; readonly name: string; readonly token: string; readonly resumed: boolean }
  | { readonly type: "view"; readonly view: PlayerView }
  | { readonly type: "answerResult"; readonly question: number; readonly outcome: AnswerOutcome }
  | { readonly type: "refused"; readonly reason: Refusal; readonly message: string };

export const ServerMessage = z.discriminatedUnion("type", [
  WelcomeMessage,
  ViewMessage,
  AnswerResultMessage,
  RefusedMessage,
]) satisfies z.ZodType<ServerMessage>;

/** A server's text message on /play, checked; undefined when it is not one (a client ignores nothing silently). */
export function decodeServerMessage(text: string): ServerMessage | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = ServerMessage.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
