import { WebSocket } from "ws";
import { assertNever } from "../engine";
import type { Lang } from "../game";
import type { AnswerOutcome, PlayerView } from "../game/live";
import { liveUrl } from "./address";
import { CLOSE, decodeServerMessage, MAX_SERVER_MESSAGE_BYTES, PLAY_PATH } from "./protocol";

/**
 * A student's end of a live round (`tcp-tutor join`): joins, hands every view to the screen, sends answers, and
 * when the connection drops rejoins by itself with its token (same name, same score) until the host ends the round
 * or refuses it. The screen needs only onView, onStatus and answer.
 *
 *   connecting ──welcome──▶ joined ──drop──▶ reconnecting ──welcome──▶ joined …
 *        │                    │ └──host ended / replaced──▶ closed
 *        └─wrong PIN, bad name, full, over──▶ refused
 */
export type LiveStatus = "connecting" | "joined" | "reconnecting" | "refused" | "closed";

/** An answer's fate: the server's outcome, or "offline" when the connection was down or dropped before it said. */
export type ClientAnswerOutcome = AnswerOutcome | "offline";

export interface LiveClientOptions {
  /** As the host shows it ("192.168.1.20:8123"), or a ws://, wss:// or http:// URL. */
  readonly address: string;
  readonly pin: string;
  readonly name: string;
  /** The student's language: every text of their views. Default "en". */
  readonly lang?: Lang;
  /** A token from an earlier join of this round (to rejoin as the same player after a restart). */
  readonly token?: string;
  /** Waits between reconnection attempts: from `minMs`, doubling to `maxMs`, each with up to a quarter more. */
  readonly backoff?: { readonly minMs: number; readonly maxMs: number };
  /** No message nor ping from the host for this long: the connection is taken for dead. Default 30 s. */
  readonly silenceMs?: number;
}

export interface LiveClient {
  readonly status: LiveStatus;
  /** The name the room gave (made unique: "Ann 2"), once joined. */
  readonly name: string | undefined;
  /** The rejoin token, once joined: keep it to rejoin as the same player from another process. */
  readonly token: string | undefined;
  /** The latest view. */
  readonly view: PlayerView | undefined;
  /** Each new view (the screen redraws); returns an unsubscribe. */
  onView(listener: (view: PlayerView) => void): () => void;
  /**
   * Each status change, with a detail to show: the refusal's reason and message ("pin: wrong PIN"), the close
   * reason, or the error that broke the connection.
   */
  onStatus(listener: (status: LiveStatus, detail?: string) => void): () => void;
  /**
   * Answers the open question (its view's `question.number`) with a choice's index. Once accepted, the view shows
   * it as `question.chosen` (onView is called), without waiting for the host.
   */
  answer(question: number, choice: number): Promise<ClientAnswerOutcome>;
  /** Leaves for good (no reconnection). */
  close(): void;
}

const DEFAULT_BACKOFF = { minMs: 250, maxMs: 5_000 };
/** After "too many attempts" the client waits at least this long before trying again. */
const RATE_LIMITED_MS = 5_000;

/** Close codes after which trying again cannot help. */
const FINAL_CLOSES = new Map<number, LiveStatus>([
  [CLOSE.goingAway, "closed"],
  [CLOSE.replaced, "closed"],
  [CLOSE.wrongPin, "refused"],
  [CLOSE.full, "refused"],
  [CLOSE.finished, "refused"],
  [CLOSE.badName, "refused"],
  // A protocol error is a bug on one side: trying again would only repeat it.
  [CLOSE.unsupported, "closed"],
  [CLOSE.malformed, "closed"],
  [CLOSE.policy, "closed"],
  [CLOSE.tooBig, "closed"],
]);

export function joinLive(options: LiveClientOptions): LiveClient {
  const url = liveUrl(options.address, PLAY_PATH);
  if (url === undefined) throw new RangeError(`"${options.address}" is not an address to join (like 192.168.1.20:8123)`);
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const silenceMs = options.silenceMs ?? 30_000;
  const lang = options.lang ?? "en";

  const viewListeners = new Set<(view: PlayerView) => void>();
  const statusListeners = new Set<(status: LiveStatus, detail?: string) => void>();
  let status: LiveStatus = "connecting";
  let name: string | undefined;
  let token = options.token;
  let view: PlayerView | undefined;
  let socket: WebSocket | undefined;
  let joined = false;
  let ended = false;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let silenceTimer: NodeJS.Timeout | undefined;
  /** Answers sent on the current connection, waiting for their result (the server answers in order). */
  interface Pending {
    readonly question: number;
    readonly choice: number;
    readonly resolve: (outcome: ClientAnswerOutcome) => void;
  }
  let pending: Pending[] = [];

  function showView(next: PlayerView): void {
    view = next;
    for (const listener of viewListeners) listener(next);
  }

  function setStatus(next: LiveStatus, detail?: string): void {
    if (next === status && detail === undefined) return;
    status = next;
    for (const listener of statusListeners) listener(next, detail);
  }

  function watchSilence(ws: WebSocket): void {
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(() => ws.terminate(), silenceMs);
  }

  function connect(): void {
    retryTimer = undefined;
    const ws = new WebSocket(url as string, { maxPayload: MAX_SERVER_MESSAGE_BYTES, perMessageDeflate: false });
    socket = ws;
    let refusal: string | undefined;
    let failure: string | undefined;
    let rateLimited = false;
    ws.on("open", () => {
      watchSilence(ws);
      ws.send(
        JSON.stringify({
          type: "join",
          pin: options.pin,
          // After the first join, the room's name: "Ann 2" must rejoin as "Ann 2", not as a third Ann.
          name: name ?? options.name,
          lang,
          ...(token === undefined ? {} : { token }),
        }),
      );
    });
    ws.on("ping", () => watchSilence(ws));
    ws.on("message", (data, isBinary) => {
      watchSilence(ws);
      const message = isBinary ? undefined : decodeServerMessage(data.toString());
      if (message === undefined) {
        ws.close(CLOSE.policy, "the host sent a message this client does not understand");
        return;
      }
      switch (message.type) {
        case "welcome":
          name = message.name;
          token = message.token;
          joined = true;
          attempt = 0;
          setStatus("joined", message.resumed ? "resumed" : undefined);
          break;
        case "view":
          showView(message.view);
          break;
        case "answerResult": {
          const sent = pending.shift();
          // The host sends no new view for an accepted answer (protocol.ts): the screen shows the choice from here.
          const q = view?.question;
          const asked = view?.phase === "question" && q !== undefined && q.number === sent?.question;
          if (view !== undefined && q !== undefined && sent !== undefined && message.outcome === "accepted" && asked) {
            showView({ ...view, question: { ...q, chosen: sent.choice } });
          }
          sent?.resolve(message.outcome);
          break;
        }
        case "refused":
          refusal = `${message.reason}: ${message.message}`;
          rateLimited = message.reason === "rate";
          break;
        default:
          assertNever(message);
      }
    });
    ws.on("error", (error) => {
      // 'close' follows (1006); the error's text ("connect ECONNREFUSED …") is its detail.
      failure = error.message;
    });
    ws.on("close", (code, reason) => {
      clearTimeout(silenceTimer);
      if (socket === ws) socket = undefined;
      for (const p of pending) p.resolve("offline");
      pending = [];
      if (ended) return;
      const final = FINAL_CLOSES.get(code);
      const detail = refusal ?? (reason.length > 0 ? reason.toString() : (failure ?? `connection lost (${code})`));
      if (final !== undefined) {
        ended = true;
        setStatus(final, detail);
        return;
      }
      setStatus(joined ? "reconnecting" : "connecting", detail);
      const wait = Math.min(backoff.maxMs, backoff.minMs * 2 ** attempt);
      attempt++;
      retryTimer = setTimeout(connect, Math.max(rateLimited ? RATE_LIMITED_MS : 0, wait * (1 + Math.random() / 4)));
    });
  }

  connect();

  return {
    get status() {
      return status;
    },
    get name() {
      return name;
    },
    get token() {
      return token;
    },
    get view() {
      return view;
    },
    onView(listener) {
      viewListeners.add(listener);
      return () => viewListeners.delete(listener);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    answer(question, choice) {
      const ws = socket;
      if (ws === undefined || ws.readyState !== ws.OPEN || status !== "joined") return Promise.resolve("offline");
      return new Promise((resolve) => {
        pending.push({ question, choice, resolve });
        ws.send(JSON.stringify({ type: "answer", question, choice }));
      });
    },
    close() {
      if (ended) return;
      ended = true;
      clearTimeout(retryTimer);
      clearTimeout(silenceTimer);
      socket?.close(1000, "left");
      setStatus("closed", "left");
    },
  };
}
