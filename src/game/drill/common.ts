import type { Side } from "../../engine";
import type { Localized } from "../../levels/schema";
import type { Dice } from "./random";
import { type Run, segmentIndex } from "./template";
import { L } from "./text";

/** Small pieces several templates share. */

/** The Ethernet MSS, the engine's default: the most data one segment carries. */
export const MSS = 1460;

/** "client ISN 1000, server ISN 5000" */
export function isnText(p: { readonly c: number; readonly s: number }): Localized {
  return L(`client ISN ${p.c}, server ISN ${p.s}`, `客户端 ISN ${p.c}，服务器 ISN ${p.s}`);
}

/** What is sent before the interesting part: "The client sends 300 bytes and the server 1000." */
export function dataText(a: number, b: number): Localized {
  if (a > 0 && b > 0) return L(`The client sends ${a} bytes and the server ${b}.`, `客户端发送 ${a} 字节，服务器发送 ${b} 字节。`);
  if (a > 0) return L(`The client sends ${a} bytes.`, `客户端发送 ${a} 字节。`);
  if (b > 0) return L(`The server sends ${b} bytes.`, `服务器发送 ${b} 字节。`);
  return L("No data is sent.", "双方都不发送数据。");
}

/**
 * The steps most scenarios open with: the server listens, the client connects, then the client sends `a` bytes and
 * the server `b` (none when 0). Spread into script()'s steps.
 */
export function openAndExchange(p: { readonly a: number; readonly b: number }) {
  return [
    { listen: "server" },
    { connect: "client" },
    p.a > 0 && { send: { side: "client", bytes: p.a } },
    p.b > 0 && { send: { side: "server", bytes: p.b } },
  ] as const;
}

/** Bytes sent before the scenario's point: none a third of the time, else up to one segment. */
export function someBytes(d: Dice): number {
  return d.chance(33) ? 0 : d.int(1, MSS);
}

/** The index of a side's first FIN. */
export function finOf(run: Run, side: Side): number | undefined {
  return segmentIndex(run.trace, (s) => s.from === side && s.flags.includes("F"));
}

/** Indices of the segments carrying a side's data, in the order sent. */
export function dataOf(run: Run, side: Side): number[] {
  return run.trace.segments.flatMap((s, i) => (s.from === side && s.len > 0 ? [i] : []));
}
