import type { Lang, Localized } from "../../levels/schema";

/**
 * The drill's topics: the values of `tcp-tutor drill --topic T` (a contract: short lower-case slugs). Each covers
 * one or two chapters of the built-in level pack.
 */
export const TOPICS = ["handshake", "data", "close", "half-close", "time-wait", "reset", "timers"] as const;
export type Topic = (typeof TOPICS)[number];

export function isTopic(s: string): s is Topic {
  return (TOPICS as readonly string[]).includes(s);
}

export interface TopicInfo {
  readonly title: Localized;
  /** The level pack's chapters the topic drills. */
  readonly chapters: readonly string[];
}

export const TOPIC_INFO: Readonly<Record<Topic, TopicInfo>> = {
  handshake: { title: { en: "The three-way handshake", "zh-CN": "三次握手" }, chapters: ["handshake"] },
  data: { title: { en: "Sending data", "zh-CN": "数据传输" }, chapters: ["data"] },
  close: { title: { en: "Closing: four, three or crossing FINs", "zh-CN": "关闭：四次、三次与交错的 FIN" }, chapters: ["four-way-close", "close-variants"] },
  "half-close": { title: { en: "Half-close", "zh-CN": "半关闭" }, chapters: ["half-close"] },
  "time-wait": { title: { en: "TIME_WAIT", "zh-CN": "TIME_WAIT 状态" }, chapters: ["time-wait"] },
  reset: { title: { en: "Resets", "zh-CN": "RST 复位" }, chapters: ["resets"] },
  timers: { title: { en: "Losses and Linux timers", "zh-CN": "丢包与 Linux 定时器" }, chapters: ["linux-timers"] },
};

/** The difficulties the drill knows: 1 (first steps) to 5 (interview hard). */
export const DIFFICULTIES = [1, 2, 3, 4, 5] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export function isDifficulty(n: number): n is Difficulty {
  return (DIFFICULTIES as readonly number[]).includes(n);
}

/**
 * Names of the concepts the drill tags its puzzles with (the same slugs as the level pack's `concepts`), for
 * statistics and the interview summary. A concept without a name here is shown by its slug.
 */
export const CONCEPT_NAMES: Readonly<Record<string, Localized>> = {
  handshake: { en: "the three-way handshake", "zh-CN": "三次握手" },
  isn: { en: "initial sequence numbers", "zh-CN": "初始序号（ISN）" },
  "seq-ack": { en: "seq and ack arithmetic", "zh-CN": "seq 与 ack 的计算" },
  "syn-sent": { en: "SYN_SENT", "zh-CN": "SYN_SENT 状态" },
  "syn-received": { en: "SYN_RECEIVED", "zh-CN": "SYN_RECEIVED 状态" },
  "seq-wrap": { en: "sequence numbers past 2^32", "zh-CN": "越过 2^32 的序号" },
  data: { en: "data transfer", "zh-CN": "数据传输" },
  segmentation: { en: "splitting writes by MSS", "zh-CN": "按 MSS 分段" },
  mss: { en: "the MSS", "zh-CN": "最大报文段长度（MSS）" },
  "cumulative-ack": { en: "cumulative ACKs", "zh-CN": "累积确认" },
  "duplicate-ack": { en: "duplicate ACKs", "zh-CN": "重复 ACK" },
  "out-of-order": { en: "out-of-order segments", "zh-CN": "乱序报文段" },
  "delayed-ack": { en: "delayed ACKs", "zh-CN": "延迟确认" },
  piggyback: { en: "piggybacked ACKs", "zh-CN": "捎带确认" },
  retransmission: { en: "retransmission", "zh-CN": "重传" },
  backoff: { en: "exponential backoff", "zh-CN": "指数退避" },
  rto: { en: "the retransmission timeout", "zh-CN": "重传超时（RTO）" },
  "four-way-close": { en: "the four-way close", "zh-CN": "四次挥手" },
  "three-way-close": { en: "the three-segment close", "zh-CN": "三报文段的关闭" },
  fin: { en: "FIN numbering", "zh-CN": "FIN 的编号" },
  "active-close": { en: "the active closer", "zh-CN": "主动关闭方" },
  "fin-wait-1": { en: "FIN_WAIT_1", "zh-CN": "FIN_WAIT_1 状态" },
  "fin-wait-2": { en: "FIN_WAIT_2", "zh-CN": "FIN_WAIT_2 状态" },
  "close-wait": { en: "CLOSE_WAIT", "zh-CN": "CLOSE_WAIT 状态" },
  "last-ack": { en: "LAST_ACK", "zh-CN": "LAST_ACK 状态" },
  "simultaneous-close": { en: "simultaneous close", "zh-CN": "同时关闭" },
  "simultaneous-open": { en: "simultaneous open", "zh-CN": "同时打开" },
  closing: { en: "CLOSING", "zh-CN": "CLOSING 状态" },
  "half-close": { en: "half-close", "zh-CN": "半关闭" },
  shutdown: { en: "shutdown(SHUT_WR)", "zh-CN": "shutdown(SHUT_WR)" },
  orphan: { en: "orphaned connections", "zh-CN": "孤儿连接" },
  "tcp-fin-timeout": { en: "tcp_fin_timeout", "zh-CN": "tcp_fin_timeout" },
  "time-wait": { en: "TIME_WAIT", "zh-CN": "TIME_WAIT 状态" },
  "2msl": { en: "2MSL", "zh-CN": "2MSL" },
  "lost-ack": { en: "a lost final ACK", "zh-CN": "丢失的最后一个 ACK" },
  eaddrinuse: { en: "EADDRINUSE", "zh-CN": "EADDRINUSE" },
  "so-reuseaddr": { en: "SO_REUSEADDR", "zh-CN": "SO_REUSEADDR" },
  rst: { en: "resets", "zh-CN": "RST 复位" },
  "closed-port": { en: "connecting to a closed port", "zh-CN": "连接没有监听的端口" },
  econnrefused: { en: "ECONNREFUSED", "zh-CN": "ECONNREFUSED" },
  econnreset: { en: "ECONNRESET", "zh-CN": "ECONNRESET" },
  epipe: { en: "EPIPE", "zh-CN": "EPIPE" },
  "unread-data": { en: "closing with unread data", "zh-CN": "带着未读数据关闭" },
  "so-linger": { en: "SO_LINGER {1, 0}", "zh-CN": "SO_LINGER {1, 0}" },
  abort: { en: "aborting a connection", "zh-CN": "中止连接" },
  "tcp-syn-retries": { en: "tcp_syn_retries", "zh-CN": "tcp_syn_retries" },
  "tcp-syn-linear-timeouts": { en: "tcp_syn_linear_timeouts", "zh-CN": "tcp_syn_linear_timeouts" },
  "tcp-synack-retries": { en: "tcp_synack_retries", "zh-CN": "tcp_synack_retries" },
  etimedout: { en: "ETIMEDOUT", "zh-CN": "ETIMEDOUT" },
  keepalive: { en: "keepalive", "zh-CN": "保活（keepalive）" },
  "tcp-keepalive-time": { en: "tcp_keepalive_time", "zh-CN": "tcp_keepalive_time" },
  "tcp-keepalive-intvl": { en: "tcp_keepalive_intvl", "zh-CN": "tcp_keepalive_intvl" },
  "tcp-keepalive-probes": { en: "tcp_keepalive_probes", "zh-CN": "tcp_keepalive_probes" },
};

/** A concept's name in the player's language, or its slug when it has none. */
export function conceptName(concept: string, lang: Lang): string {
  return CONCEPT_NAMES[concept]?.[lang] ?? concept;
}
