import { peerOf, type Side, type Trace, type TraceSegment } from "../../engine";
import type { Localized } from "../../levels/schema";
import { segmentLabel } from "../describe";
import { SEQ_SPACE } from "./random";

/**
 * Building blocks of the drill's bilingual text. Every sentence is written twice, in English and in Simplified
 * Chinese; the numbers in it come from the trace the engine ran, never from the template's expectations.
 */

export function L(en: string, zh: string): Localized {
  return { en, "zh-CN": zh };
}

/** Sentences in order: English joined by spaces, Chinese with nothing between them. Empty parts are skipped. */
export function sentences(...parts: readonly (Localized | undefined)[]): Localized {
  const kept = parts.filter((p): p is Localized => p !== undefined && p.en !== "");
  return L(kept.map((p) => p.en).join(" "), kept.map((p) => p["zh-CN"]).join(""));
}

const ZH_SIDE: Readonly<Record<Side, string>> = { client: "客户端", server: "服务器" };

/** "客户端", "服务器". */
export function zh(side: Side): string {
  return ZH_SIDE[side];
}

/** "client", "server": the side as English names it after "the". */
export function en(side: Side): string {
  return side;
}

/** "FIN+ACK seq=5001 ack=1102": the label the choices and the ladder use. */
export function label(s: TraceSegment): string {
  return segmentLabel(s);
}

/** Seconds as players read them: "1.5", "60" (at most three decimals). */
export function secs(x: number): string {
  return String(Number(x.toFixed(3)));
}

/** "0, 1 and 3" / "0、1 和 3". */
export function list(items: readonly string[]): Localized {
  if (items.length <= 1) return L(items.join(""), items.join(""));
  const head = items.slice(0, -1);
  const last = items[items.length - 1] as string;
  return L(`${head.join(", ")} and ${last}`, `${head.join("、")} 和 ${last}`);
}

/** Sequence numbers a segment occupies: its data, plus one each for SYN and FIN (RFC 9293 §3.4). */
export function occupies(s: Pick<TraceSegment, "flags" | "len">): number {
  return s.len + (s.flags.includes("S") ? 1 : 0) + (s.flags.includes("F") ? 1 : 0);
}

/** The number after a segment: seq + what it occupies, modulo 2^32. */
export function endOf(s: Pick<TraceSegment, "flags" | "len" | "seq">): number {
  return (s.seq + occupies(s)) % SEQ_SPACE;
}

/** "1000 + 1 = 1001", or across the wrap "4294967295 + 1 = 4294967296, which wraps to 0". */
export function addition(x: number, k: number): Localized {
  const sum = x + k;
  if (sum < SEQ_SPACE) return L(`${x} + ${k} = ${sum}`, `${x} + ${k} = ${sum}`);
  const wrapped = sum % SEQ_SPACE;
  return L(
    `${x} + ${k} = ${sum}, which wraps to ${wrapped} (sequence numbers count modulo 2^32)`,
    `${x} + ${k} = ${sum}，对 2^32 取模后回绕为 ${wrapped}`,
  );
}

/** "Its FIN at 1100 takes one number" / "它在 1100 的 FIN 占用一个序号": what a segment occupies, in words. */
function occupied(s: TraceSegment, owner: Localized): Localized {
  const own = owner.en;
  const zhOwner = owner["zh-CN"];
  if (s.flags.includes("S")) return L(`${own} SYN at ${s.seq} takes one number`, `${zhOwner}在 ${s.seq} 的 SYN 占用一个序号`);
  if (s.flags.includes("F") && s.len === 0) {
    return L(`${own} FIN at ${s.seq} takes one number`, `${zhOwner}在 ${s.seq} 的 FIN 占用一个序号`);
  }
  const bytes = `${s.len} ${s.len === 1 ? "byte" : "bytes"}`;
  if (s.flags.includes("F")) {
    return L(
      `${own} ${bytes} and FIN at ${s.seq} take one number per byte and one for the FIN`,
      `${zhOwner}从 ${s.seq} 开始的 ${s.len} 字节和 FIN，每个字节占用一个序号，FIN 再占一个`,
    );
  }
  return L(`${own} ${bytes} at ${s.seq} take one number per byte`, `${zhOwner}从 ${s.seq} 开始的 ${s.len} 字节，每个字节占用一个序号`);
}

/** Segments the sender sent before `s`, and peer segments that had arrived before it was sent. */
function before(trace: Trace, s: TraceSegment): { own: TraceSegment[]; received: TraceSegment[] } {
  const own: TraceSegment[] = [];
  const received: TraceSegment[] = [];
  for (const x of trace.segments) {
    if (x.order >= s.order) break;
    if (x.from === s.from) own.push(x);
    else if (x.arrival !== undefined && x.arrival < s.order) received.push(x);
  }
  return { own, received };
}

/**
 * Why a segment has its seq, from what its sender sent before: "seq 1101: the client's next number. Its 100
 * bytes at 1001 take one number per byte: 1001 + 100 = 1101." Empty when the seq follows no such rule (a
 * retransmission, a keepalive probe, a reset's borrowed number: the template explains those).
 */
export function seqStory(trace: Trace, s: TraceSegment): Localized {
  const side = s.from;
  if (s.flags.includes("S")) {
    return L(
      `seq ${s.seq} is the ${en(side)}'s ISN: a SYN starts its numbering.`,
      `seq ${s.seq} 是${zh(side)}的 ISN：SYN 开启它的编号。`,
    );
  }
  const { own } = before(trace, s);
  const last = [...own].reverse().find((x) => occupies(x) > 0);
  if (!last || endOf(last) !== s.seq || s.cause !== undefined) return L("", "");
  const lastIndex = own.lastIndexOf(last);
  const pureAfter = own.slice(lastIndex + 1).some((x) => occupies(x) === 0);
  const o = occupied(last, L("Its", "它"));
  const sum = addition(last.seq, occupies(last));
  return sentences(
    L(
      `seq ${s.seq}: the ${en(side)}'s next number. ${o.en}: ${sum.en}.`,
      `seq ${s.seq}：${zh(side)}的下一个序号。${o["zh-CN"]}：${sum["zh-CN"]}。`,
    ),
    pureAfter
      ? L("The pure ACKs it sent after that used no numbers.", "之后它发出的纯 ACK 不占用序号。")
      : undefined,
  );
}

/**
 * Why a segment has its ack: "ack 5301: the next number expected from the server. Its 300 bytes at 5001 take one
 * number per byte: 5001 + 300 = 5301." Empty without ACK, or when the ack is not the end of one received segment
 * (a duplicate ACK after a hole: the template explains it).
 */
export function ackStory(trace: Trace, s: TraceSegment): Localized {
  if (!s.flags.includes("A")) return L("", "");
  const peer = peerOf(s.from);
  const { received } = before(trace, s);
  const q = [...received].reverse().find((x) => occupies(x) > 0 && endOf(x) === s.ack);
  if (!q) return L("", "");
  const o = occupied(q, L("Its", zh(peer)));
  const sum = addition(q.seq, occupies(q));
  return L(
    `ack ${s.ack}: the next number expected from the ${en(peer)}. ${o.en}: ${sum.en}.`,
    `ack ${s.ack}：期望从${zh(peer)}收到的下一个序号。${o["zh-CN"]}：${sum["zh-CN"]}。`,
  );
}

/** The seq and the ack of a segment, each explained from the trace. */
export function numbersStory(trace: Trace, s: TraceSegment): Localized {
  return sentences(seqStory(trace, s), ackStory(trace, s));
}

/** "FIN+ACK seq=5001 ack=1102." with the numbers explained. */
export function segmentStory(trace: Trace, s: TraceSegment): Localized {
  return sentences(L(`${label(s)}.`, `${label(s)}。`), numbersStory(trace, s));
}
