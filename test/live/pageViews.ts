/**
 * Canned ProjectorViews for the projector page's test: a round of five questions on a handshake whose SYN+ACK is
 * lost, as the host would send them. The ladder is drawn by the game's own renderer, so the page gets the real
 * thing: box-drawing arrows, and CJK in Chinese.
 */
import type { Trace } from "../../src/engine";
import type { LeaderboardRow, ProjectorView } from "../../src/game/live/view";
import { zhCN } from "../../src/ui/i18n/zh-CN";
import { renderLadder } from "../../src/ui/ladder";
import { seg } from "../fixtures/traceSegments";


/** The SYN+ACK is lost, the SYN retransmitted after 1 s, then data and a close: a ladder of about fifteen lines. */
const TRACE: Trace = {
  segments: [
    seg({ from: "client", flags: "S", seq: 1000, ack: 0, t: 0, step: 1, order: 2 }),
    seg({ from: "server", flags: "SA", seq: 5000, ack: 1001, t: 0, step: 1, lost: true, order: 4 }),
    seg({ from: "client", flags: "S", seq: 1000, ack: 0, t: 1, step: 2, cause: "retransmit", order: 5 }),
    seg({ from: "server", flags: "SA", seq: 5000, ack: 1001, t: 1, step: 2, order: 6 }),
    seg({ from: "client", flags: "A", seq: 1001, ack: 5001, t: 1, step: 2, order: 8 }),
    seg({ from: "client", flags: "PA", seq: 1001, ack: 5001, len: 100, t: 1.2, step: 3, order: 10 }),
  ],
  events: [
    { t: 0, side: "server", step: 0, order: 0, type: "state", from: "CLOSED", to: "LISTEN" },
    { t: 0, side: "client", step: 1, order: 1, type: "state", from: "CLOSED", to: "SYN_SENT" },
    { t: 0, side: "server", step: 1, order: 3, type: "state", from: "LISTEN", to: "SYN_RECEIVED" },
    { t: 1, side: "client", step: 2, order: 7, type: "state", from: "SYN_SENT", to: "ESTABLISHED" },
    { t: 1, side: "server", step: 2, order: 9, type: "state", from: "SYN_RECEIVED", to: "ESTABLISHED" },
  ],
  final: { client: "ESTABLISHED", server: "ESTABLISHED" },
};

export const LADDER_EN = renderLadder(TRACE);
export const LADDER_ZH = renderLadder(TRACE, { text: zhCN.ladder });

/** A name that would run script if the page ever wrote names as HTML. */
export const HOSTILE = "<img src=x onerror=alert(1)>";

export const PLAYERS: readonly LeaderboardRow[] = [
  { place: 1, name: "Ada", score: 2950, correct: 3, connected: true },
  { place: 2, name: "李雷", score: 2400, correct: 3, connected: true },
  { place: 3, name: HOSTILE, score: 1800, correct: 2, connected: true },
  { place: 4, name: "Grace Hopper", score: 1750, correct: 2, connected: false },
  { place: 5, name: "Linus", score: 1200, correct: 2, connected: true },
  { place: 5, name: "Radia", score: 1200, correct: 2, connected: true },
  { place: 7, name: "Vint", score: 900, correct: 1, connected: true },
  { place: 8, name: "Bob Kahn", score: 640, correct: 1, connected: true },
  { place: 9, name: "Sally", score: 300, correct: 1, connected: true },
  { place: 10, name: "Ken", score: 120, correct: 1, connected: true },
  { place: 11, name: "Dennis", score: 0, correct: 0, connected: true },
  { place: 11, name: "韩梅梅", score: 0, correct: 0, connected: true },
];

const JOIN = { address: "192.168.1.20:8080", pin: "4821" } as const;

export const CHOICES = [
  "The client retransmits its SYN",
  "The server retransmits its SYN+ACK",
  "The client sends an ACK anyway",
  "The connection is reset (RST)",
] as const;

export function lobby(lang: ProjectorView["lang"] = "en"): ProjectorView {
  return {
    phase: "lobby",
    lang,
    join: JOIN,
    players: { connected: 11, joined: 12 },
    leaderboard: PLAYERS.map((p) => ({ ...p, place: 1, score: 0, correct: 0 })),
  };
}

export function question(
  number: number,
  msLeft: number,
  answered = 4,
  lang: ProjectorView["lang"] = "en",
): ProjectorView {
  return {
    phase: "question",
    lang,
    join: JOIN,
    players: { connected: 11, joined: 12 },
    question: {
      number,
      total: 5,
      ...(lang === "en"
        ? {
            next: "The server's SYN+ACK is lost on the way.",
            prompt: "One second later, what happens first?",
            choices: CHOICES,
            ladder: LADDER_EN,
          }
        : {
            next: "服务器的 SYN+ACK 在途中丢失。",
            prompt: "一秒之后，最先发生的是什么？",
            choices: ["客户端重传 SYN", "服务器重传 SYN+ACK", "客户端照样发 ACK", "连接被重置（RST）"],
            ladder: LADDER_ZH,
          }),
      seconds: 20,
      msLeft,
      answered,
    },
    leaderboard: PLAYERS,
  };
}

export function reveal(number: number, lang: ProjectorView["lang"] = "en"): ProjectorView {
  const open = question(number, 0, 11, lang);
  return {
    ...open,
    phase: "reveal",
    reveal: {
      correct: 0,
      distribution: [7, 3, 1, 0],
      explain:
        lang === "en"
          ? "The client's retransmission timer fires first: it still has an unacknowledged SYN, and after the initial " +
            "RTO of 1 s it sends it again. The server, in SYN_RECEIVED, retransmits its SYN+ACK on its own timer too."
          : "客户端的重传定时器先到期：它的 SYN 还没被确认，初始 RTO 1 秒后再发一次。",
      cite: ["RFC 9293 §3.8.1", "RFC 6298 §2"],
    },
  };
}

export function finished(lang: ProjectorView["lang"] = "en"): ProjectorView {
  return { phase: "finished", lang, join: JOIN, players: { connected: 11, joined: 12 }, leaderboard: PLAYERS };
}
