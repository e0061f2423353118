import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { type AddressInfo, BlockList, isIP } from "node:net";
import type { Duplex } from "node:stream";
import { type RawData, type WebSocket, WebSocketServer } from "ws";
import { assertNever, type Trace } from "../engine";
import type { Lang } from "../game";
import { type ChallengeSpec, encodeChallenge } from "../game/challenge";
import type { DrillPuzzle } from "../game/drill/generate";
import {
  advanceRoom,
  answerRoom,
  createRoom,
  joinRoom,
  type LadderRenderer,
  leaveRoom,
  type LiveResult,
  liveResults,
  nextTimer,
  playerView,
  type ProjectorView,
  projectorView,
  type Room,
  startRoom,
  tickRoom,
  wouldResume,
} from "../game/live";
import type { WatchView } from "../game/live/view";
import { CATALOGUES } from "../ui/i18n";
import { renderLadder } from "../ui/ladder";
import { hostPort, joinHost } from "./address";
import { Blocklist, DEFAULT_LIMITS, type LiveLimits, WindowCounter } from "./limits";
import { projectorPage } from "./page";
import {
  type AnswerMessage,
  CLOSE,
  closeReason,
  decodeClientMessage,
  type JoinMessage,
  MAX_MESSAGE_BYTES,
  PLAY_PATH,
  type Refusal,
  REFUSALS,
  type ServerMessage,
  WATCH_PATH,
} from "./protocol";

/**
 * The live round's server (`tcp-tutor host`, issue 8): one HTTP port serving the projector page at `/`, the
 * projector's read-only feed at `/watch` and the students at `/play` (protocol.ts). The round's rules are the pure
 * room's (src/game/live); this file only carries messages between sockets and the room, keeps the timers, and
 * defends the host: every message is checked, every handler is guarded, slow or silent clients are cut.
 *
 * What the PIN protects: it keeps out whoever can reach the port but is not in the room (a student of another room
 * who mistypes an address, someone else on the network). The projector view carries it, for the wall, but /watch
 * sends it only to a watcher on the host's own machine (fromThisMachine: the projector is the host's laptop's
 * browser); any other watcher gets it as null and its page says the PIN is on the host's screen. Whoever sees the
 * wall still reads it, of course: the host's names on the projector remain the last check.
 *
 * Sends are coalesced: a change marks who must see it, and one flush per turn of the event loop (setImmediate)
 * sends each of them one view. During a question an answer changes the answering student's screen and the
 * projector's count only, so 200 answers in a burst cost some 200 player views, not 200 × 200.
 */

export interface LiveServerOptions {
  /** The round (a challenge spec: the CLI picks the seed) and how long each question is open. */
  readonly spec: ChallengeSpec;
  readonly seconds: number;
  /** Seconds a closed question stays up before the next comes by itself; absent: the host calls next(). */
  readonly revealSeconds?: number;
  /** challengeRound(spec), when the caller already generated it. */
  readonly round?: readonly DrillPuzzle[];
  /** 0 (the default) for any free port. */
  readonly port?: number;
  /**
   * The interface to listen on. Default "0.0.0.0": students are on other machines, so loopback would be useless
   * by default, and IPv4 because the address they type is an IPv4 one ("::" also fails where IPv6 is off).
   */
  readonly bind?: string;
  /** The address shown to students ("host:port"); default this machine's LAN address and the port. */
  readonly address?: string;
  /** Default: six random digits. */
  readonly pin?: string;
  /** The host's language: the projector's words. Default "en". */
  readonly lang?: Lang;
  /** A monotonic clock in milliseconds (default performance.now): answer times and deadlines. */
  readonly now?: () => number;
  /** Rejoin tokens (default 144 random bits). */
  readonly tokens?: () => string;
  readonly limits?: Partial<LiveLimits>;
  /** What a handler threw (the connection concerned is closed, the server goes on). Default: ignored. */
  readonly onError?: (error: unknown) => void;
}

export interface LiveServer {
  /** "192.168.1.20:8123": what students type after `tcp-tutor join`. */
  readonly address: string;
  /** "http://192.168.1.20:8123/": the projector page. */
  readonly url: string;
  readonly port: number;
  readonly pin: string;
  /** The round's challenge code, for the result files. */
  readonly code: string;
  /** The room now (a new value after every change). */
  readonly room: Room;
  /** What the projector shows now. */
  view(): ProjectorView;
  /** Opens the first question; false if the round had already begun. */
  start(): boolean;
  /** The host's key: start, close the open question early, next question after a reveal, finish after the last. */
  next(): void;
  /** Called (coalesced, after the clients were sent their views) whenever the room changed; returns an unsubscribe. */
  onChange(listener: (room: Room) => void): () => void;
  /** Each player's result over the closed questions, best first. */
  results(): LiveResult[];
  /** Closes every connection (code 1001) and the port. */
  close(): Promise<void>;
}

type ConnKind = "pending" | "player" | "watcher" | "replaced";

interface Conn {
  readonly ws: WebSocket;
  readonly ip: string;
  /** Connected from the host's own machine: as a watcher, it is sent the PIN. */
  readonly local: boolean;
  kind: ConnKind;
  /** The room's name for the player, once joined. */
  name: string;
  lang: Lang;
  /** Answered the last ping. */
  alive: boolean;
  /** We decided to close it: what it still sends is ignored. */
  closing: boolean;
  joinTimer: NodeJS.Timeout | undefined;
}

/** The projector page's headers: nothing is cached, and the page may only talk back to this server. */
const PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "content-security-policy": "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

/** Ladders are drawn 80 columns wide, for the projector and for every student (a terminal cuts what it must). */
const LADDER_WIDTH = 80;


export async function startLiveServer(options: LiveServerOptions): Promise<LiveServer> {
  const limits: LiveLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const now = options.now ?? (() => Math.floor(performance.now()));
  const tokens = options.tokens ?? (() => randomBytes(18).toString("base64url"));
  const onError = options.onError ?? (() => {});
  const lang: Lang = options.lang ?? "en";
  const pin = options.pin ?? String(randomInt(0, 1_000_000)).padStart(6, "0");
  const bind = options.bind ?? "0.0.0.0";
  const code = encodeChallenge(options.spec);

  let room = createRoom(
    {
      spec: options.spec,
      seconds: options.seconds,
      maxPlayers: limits.maxPlayers,
      ...(options.revealSeconds === undefined ? {} : { revealSeconds: options.revealSeconds }),
    },
    options.round,
  );

  const conns = new Set<Conn>();
  /** Each joined player's current connection, by the room's name. */
  const players = new Map<string, Conn>();
  const joins = new WindowCounter(limits.joins, limits.joinWindowMs);
  const wrongPins = new WindowCounter(limits.wrongPins, limits.wrongPinWindowMs);
  const blocked = new Blocklist();
  const listeners = new Set<(room: Room) => void>();
  let closed = false;

  // What the next flush must send.
  let flushScheduled = false;
  let dirtyAll = false;
  let dirtyWatchers = false;
  const dirtyPlayers = new Set<string>();

  // -------------------------------------------------------------------------------------------------------------
  // Views

  const ladders = new WeakMap<Trace, Map<Lang, readonly string[]>>();
  /** The room gives the same Trace objects for a question, so each ladder is drawn once per language. */
  const ladder: LadderRenderer = (trace, l) => {
    let byLang = ladders.get(trace);
    if (byLang === undefined) ladders.set(trace, (byLang = new Map()));
    let lines = byLang.get(l);
    if (lines === undefined) byLang.set(l, (lines = renderLadder(trace, { width: LADDER_WIDTH, text: CATALOGUES[l].ladder })));
    return lines;
  };

  let address = "";
  const projector = (): ProjectorView => projectorView(room, now(), { address, pin, lang, ladder });

  function send(conn: Conn, text: string): void {
    if (conn.ws.readyState !== conn.ws.OPEN) return;
    // A client that reads nothing would pile our views up in memory: cut it (it rejoins when it reads again).
    if (conn.ws.bufferedAmount > limits.maxBufferedBytes) {
      conn.ws.terminate();
      return;
    }
    conn.ws.send(text);
  }

  const sendMessage = (conn: Conn, message: ServerMessage): void => send(conn, JSON.stringify(message));

  function flush(): void {
    flushScheduled = false;
    if (closed) return;
    const t = now();
    if (dirtyWatchers) {
      const watchers = [...conns].filter((c) => c.kind === "watcher");
      if (watchers.length > 0) {
        const texts = watchTexts(projectorView(room, t, { address, pin, lang, ladder }));
        for (const w of watchers) send(w, texts(w));
      }
    }
    const targets = dirtyAll ? [...players.values()] : [...dirtyPlayers].flatMap((n) => players.get(n) ?? []);
    for (const conn of targets) {
      const view = playerView(room, conn.name, t, conn.lang, ladder);
      if (view !== undefined) sendMessage(conn, { type: "view", view });
    }
    dirtyAll = false;
    dirtyWatchers = false;
    dirtyPlayers.clear();
    for (const listener of listeners) {
      try {
        listener(room);
      } catch (error) {
        onError(error);
      }
    }
  }

  /**
   * The room moves on. Who must see it: every student when the phase or the players present changed, else only
   * `actor` (a player who just joined, for their first view); the projector always. An accepted answer changes no
   * student's view but the projector's count (see answer()).
   */
  function apply(next: Room, actor?: string): void {
    const previous = room;
    room = next;
    if (actor !== undefined) dirtyPlayers.add(actor);
    if (next === previous) {
      if (actor === undefined) return;
    } else {
      if (next.phase !== previous.phase || next.players.length !== previous.players.length || present(next) !== present(previous)) {
        dirtyAll = true;
      }
      dirtyWatchers = true;
      reschedule();
    }
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(guard(flush));
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // The round's timer: the open question's deadline, or the end of a reveal with revealSeconds.

  let timer: NodeJS.Timeout | undefined;
  let timerAt: number | undefined;

  function reschedule(): void {
    const at = nextTimer(room);
    if (at === timerAt || closed) return;
    clearTimeout(timer);
    timer = undefined;
    timerAt = at;
    if (at === undefined) return;
    timer = setTimeout(
      guard(() => {
        timer = undefined;
        timerAt = undefined;
        apply(tickRoom(room, now()).room);
        reschedule();
      }),
      Math.max(0, at - now()),
    );
  }

  // -------------------------------------------------------------------------------------------------------------
  // Connections

  /** Runs a handler; what it throws is reported, and closes the connection it was about, never the host. */
  function guard<A extends unknown[]>(handler: (...args: A) => void, conn?: Conn): (...args: A) => void {
    return (...args) => {
      try {
        handler(...args);
      } catch (error) {
        onError(error);
        if (conn !== undefined) closeConn(conn, CLOSE.internal, "internal error");
      }
    };
  }

  function closeConn(conn: Conn, code: number, reason: string): void {
    if (conn.closing) return;
    conn.closing = true;
    clearTimeout(conn.joinTimer);
    try {
      conn.ws.close(code, closeReason(reason));
    } catch {
      conn.ws.terminate();
    }
  }

  function refuse(conn: Conn, reason: Refusal): void {
    const { code, message } = REFUSALS[reason];
    sendMessage(conn, { type: "refused", reason, message });
    closeConn(conn, code, message);
  }

  function accept(ws: WebSocket, request: IncomingMessage, path: string): void {
    const conn: Conn = {
      ws,
      ip: clientIp(request),
      local: fromThisMachine(request.socket.remoteAddress, request.socket.localAddress),
      kind: path === WATCH_PATH ? "watcher" : "pending",
      name: "",
      lang,
      alive: true,
      closing: false,
      joinTimer: undefined,
    };
    conns.add(conn);
    // The ws library reports a broken frame, bad UTF-8 or an oversized message here, closing the socket itself
    // (1002, 1007, 1009): nothing to do but not let the error go unhandled.
    ws.on("error", () => {});
    ws.on("pong", () => {
      conn.alive = true;
    });
    ws.on("close", guard(() => gone(conn)));
    ws.on("message", guard((data: RawData, isBinary: boolean) => receive(conn, data, isBinary), conn));
    if (conn.kind === "watcher") {
      send(conn, watchTexts(projector())(conn));
    } else {
      conn.joinTimer = setTimeout(guard(() => closeConn(conn, CLOSE.policy, "no join")), limits.joinTimeoutMs);
    }
  }

  function gone(conn: Conn): void {
    conns.delete(conn);
    clearTimeout(conn.joinTimer);
    if (conn.kind === "player" && players.get(conn.name) === conn) {
      players.delete(conn.name);
      if (!closed) apply(leaveRoom(room, conn.name, now()).room);
    }
  }

  function receive(conn: Conn, data: RawData, isBinary: boolean): void {
    if (conn.closing || closed) return;
    if (conn.kind === "watcher") return closeConn(conn, CLOSE.policy, "/watch is read-only");
    if (isBinary) return closeConn(conn, CLOSE.unsupported, "binary messages are not accepted: send JSON text");
    const decoded = decodeClientMessage(rawText(data));
    if (!decoded.ok) return closeConn(conn, decoded.code, decoded.reason);
    const message = decoded.message;
    switch (message.type) {
      case "join":
        return join(conn, message);
      case "answer":
        return answer(conn, message);
      default:
        return assertNever(message);
    }
  }

  function join(conn: Conn, message: JoinMessage): void {
    if (conn.kind !== "pending") return closeConn(conn, CLOSE.policy, "already joined");
    clearTimeout(conn.joinTimer);
    const t = now();
    if (blocked.blocked(conn.ip, t)) return refuse(conn, "rate");
    if (!samePin(message.pin, pin)) {
      if (!wrongPins.hit(conn.ip, t)) blocked.block(conn.ip, t + limits.wrongPinBlockMs);
      joins.hit(conn.ip, t);
      return refuse(conn, "pin");
    }
    // A rejoin with its token is let past the join limit: a whole class reconnects at once after a Wi-Fi drop.
    if (!wouldResume(room, message.name, message.token) && !joins.hit(conn.ip, t)) return refuse(conn, "rate");
    const { room: next, outcome } = joinRoom(room, {
      name: message.name,
      ...(message.token === undefined ? {} : { token: message.token }),
      newToken: tokens(),
    });
    if (outcome.kind === "refused") return refuse(conn, outcome.reason);
    const previous = players.get(outcome.name);
    if (previous !== undefined && previous !== conn) {
      // The same player on a new connection (a laptop whose old one has not timed out yet): the new one wins.
      previous.kind = "replaced";
      closeConn(previous, CLOSE.replaced, "joined again from another connection");
    }
    conn.kind = "player";
    conn.name = outcome.name;
    conn.lang = message.lang ?? lang;
    players.set(outcome.name, conn);
    sendMessage(conn, { type: "welcome", name: outcome.name, token: outcome.token, resumed: outcome.resumed });
    apply(next, outcome.name);
  }

  function answer(conn: Conn, message: AnswerMessage): void {
    if (conn.kind !== "player") return closeConn(conn, CLOSE.policy, "join first");
    const { room: next, outcome } = answerRoom(room, conn.name, message, now());
    // The result is all the student needs now (their client shows its own choice as given): no new view for an
    // accepted answer, which halves what a burst of answers costs. Their next view (the reveal) carries it anyway.
    sendMessage(conn, { type: "answerResult", question: message.question, outcome });
    apply(next);
  }

  // -------------------------------------------------------------------------------------------------------------
  // HTTP: the page, the upgrades, and nothing else

  const http = createServer((request: IncomingMessage, response: ServerResponse) => {
    const plain = { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" };
    try {
      const path = pathOf(request.url);
      if (request.method === "GET" && (path === "/" || path === "/index.html")) {
        response.writeHead(200, PAGE_HEADERS);
        response.end(projectorPage());
        return;
      }
      response.writeHead(404, plain);
      response.end("not found\n");
    } catch (error) {
      onError(error);
      if (!response.headersSent) response.writeHead(500, plain);
      response.end();
    }
  });
  // A client that sends its request headers slowly (to hold connections open) is cut after ten seconds.
  http.headersTimeout = 10_000;
  http.requestTimeout = 10_000;
  // Server-initiated message compression stays off (the default): it would let a small message cost much memory.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false });
  wss.on("error", onError);
  http.on("clientError", (_error, socket: Duplex) => socket.destroy());
  http.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => {});
    try {
      const path = pathOf(request.url);
      if (closed) return rejectUpgrade(socket, 503, "Service Unavailable");
      if (path !== PLAY_PATH && path !== WATCH_PATH) return rejectUpgrade(socket, 404, "Not Found");
      if (conns.size >= limits.maxConnections) return rejectUpgrade(socket, 503, "Service Unavailable");
      wss.handleUpgrade(request, socket, head, (ws: WebSocket) => {
        try {
          accept(ws, request, path);
        } catch (error) {
          onError(error);
          ws.terminate();
        }
      });
    } catch (error) {
      onError(error);
      socket.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port ?? 0, bind, () => {
      http.off("error", reject);
      resolve();
    });
  });
  http.on("error", onError);
  const port = (http.address() as AddressInfo).port;
  address = options.address ?? hostPort(joinHost(bind), port);

  // Every connection is pinged; one that did not answer the previous ping (a laptop gone to sleep, a cable pulled)
  // is cut, and its player marked disconnected so that the question does not wait for them.
  const heartbeat = setInterval(
    guard(() => {
      for (const conn of conns) {
        if (!conn.alive) {
          conn.ws.terminate();
          continue;
        }
        conn.alive = false;
        try {
          conn.ws.ping();
        } catch {
          conn.ws.terminate();
        }
      }
    }),
    limits.heartbeatMs,
  );

  return {
    address,
    url: `http://${address}/`,
    port,
    pin,
    code,
    get room() {
      return room;
    },
    view: projector,
    start() {
      const { room: next, started } = startRoom(room, now());
      apply(next);
      return started;
    },
    next() {
      apply(advanceRoom(room, now()).room);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    results: () => liveResults(room),
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      clearTimeout(timer);
      const open = [...conns];
      for (const conn of open) closeConn(conn, CLOSE.goingAway, "the host ended the round");
      // Give the close frames a moment to leave, then cut whoever did not answer them.
      await Promise.race([
        Promise.all(open.map((c) => (c.ws.readyState === c.ws.CLOSED ? undefined : new Promise((r) => c.ws.once("close", r))))),
        new Promise((r) => setTimeout(r, 500).unref()),
      ]);
      for (const conn of conns) conn.ws.terminate();
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/**
 * The text each watcher is sent of a view: with the PIN for one on the host's machine, without it for the others.
 * Each text is made once per view, when the first watcher that needs it comes.
 */
function watchTexts(view: ProjectorView): (conn: Conn) => string {
  let withPin: string | undefined;
  let withoutPin: string | undefined;
  return (conn) => {
    if (conn.local) return (withPin ??= JSON.stringify(view));
    const withheld: WatchView = { ...view, join: { ...view.join, pin: null } };
    return (withoutPin ??= JSON.stringify(withheld));
  };
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/**
 * A loopback address: 127.0.0.0/8, ::1, or IPv4 loopback mapped into IPv6 (::ffff:127.0.0.1, however written).
 * Anything else, and anything that is no IP address at all, is not.
 */
export function isLocalAddress(ip: string): boolean {
  const family = isIP(ip);
  return family !== 0 && LOOPBACK.check(ip, family === 4 ? "ipv4" : "ipv6");
}

/**
 * Whether a connection comes from the host's own machine, by its socket's two ends: from a loopback address, or
 * from the very address it reached. The latter is a browser on the host's laptop opening the LAN address the host's
 * screen shows (http://192.168.1.20:8123/): the system sends that from 192.168.1.20 itself, which no other machine
 * can do without taking over that address. Behind a proxy or a tunnel on the host's machine every connection would
 * look local: the server is meant to be reached directly.
 */
export function fromThisMachine(remote: string | undefined, local: string | undefined): boolean {
  if (remote === undefined || isIP(remote) === 0) return false;
  return isLocalAddress(remote) || (local !== undefined && unmapped(remote) === unmapped(local));
}

/** An IPv4 address without its IPv6 mapping ("::ffff:10.0.0.7" → "10.0.0.7"). */
function unmapped(ip: string): string {
  return ip.toLowerCase().startsWith("::ffff:") && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
}

/** Players connected (a loop, not a filter: it runs for every answer of a burst). */
function present(room: Room): number {
  let n = 0;
  for (const p of room.players) if (p.connected) n++;
  return n;
}

function rejectUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function pathOf(url: string | undefined): string {
  try {
    return new URL(url ?? "/", "http://host").pathname;
  } catch {
    return "";
  }
}

/** The peer's address, an IPv4 one without its IPv6 mapping ("::ffff:10.0.0.7"). */
function clientIp(request: IncomingMessage): string {
  const ip = request.socket.remoteAddress ?? "unknown";
  return ip.startsWith("::ffff:") ? ip.slice(7) : ip;
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString("utf8");
  if (Array.isArray(data)) return Buffer.concat(data).toString("utf8");
  return Buffer.from(data).toString("utf8");
}

/** Compared in constant time (digests of equal length), so the time taken says nothing about the PIN. */
function samePin(given: string, pin: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given.trim()), digest(pin));
}
