/**
 * The `trace` contract, checked end to end: each shared trace vector's scenario goes through `tcp-tutor trace
 * - --json` (reading stdin, as outside checks run it) and the printed trace must match the vector exactly.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Side, TcpState, Trace } from "../../src/engine";
import { run } from "../../src/cli/run";
import { noTerminal } from "../fixtures/noTerminal";
import { noSave } from "./tcpTutor";

interface Vector {
  readonly scenario: unknown;
  readonly expect: {
    readonly segments: readonly (readonly [Side, string, number, number, number])[];
    readonly final: Partial<Record<Side, TcpState>>;
    readonly errno?: string;
    readonly visits?: Partial<Record<Side, TcpState>>;
    readonly unordered?: boolean;
  };
}

const DIR = join(import.meta.dirname, "../fixtures/trace-vectors");
const vectors = readdirSync(DIR).filter((f) => f.endsWith(".json"));

async function traceJson(scenario: unknown): Promise<Trace> {
  let out = "";
  let err = "";
  const code = await run(["trace", "-", "--json"], {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    readFile: () => Promise.reject(new Error("no files here")),
    listDir: () => Promise.reject(new Error("no files here")),
    builtinLevels: "levels",
    readStdin: async () => JSON.stringify(scenario),
    ...noTerminal,
    ...noSave,
  });
  expect({ code, err }).toEqual({ code: 0, err: "" });
  return JSON.parse(out) as Trace;
}

describe("tcp-tutor trace - --json reproduces every shared trace vector", () => {
  it("has the four vectors", () => {
    expect(vectors.sort()).toEqual(["abort.json", "classic.json", "refused.json", "simulclose.json"]);
  });

  it.each(vectors)("%s", async (file) => {
    const v = JSON.parse(readFileSync(join(DIR, file), "utf8")) as Vector;
    const trace = await traceJson(v.scenario);
    const got = trace.segments.map((s) => [s.from, s.flags, s.seq, s.ack, s.len]);
    const want = v.expect.segments.map((s) => [...s]);
    if (v.expect.unordered) {
      const key = (s: readonly unknown[]) => JSON.stringify(s);
      expect(got.map(key).sort()).toEqual(want.map(key).sort());
    } else {
      expect(got).toEqual(want);
    }
    expect(trace.segments.every((s) => s.lost === false)).toBe(true);
    for (const [side, state] of Object.entries(v.expect.final)) expect(trace.final[side as Side]).toBe(state);
    if (v.expect.errno) {
      expect(trace.events.some((e) => e.type === "error" && e.errno === v.expect.errno)).toBe(true);
    }
    for (const [side, state] of Object.entries(v.expect.visits ?? {})) {
      expect(trace.events.some((e) => e.type === "state" && e.side === side && e.to === state)).toBe(true);
    }
  });

  it("an ack is 0 exactly when the ACK flag is off, and flags are written S, F, R, P, A in that order", async () => {
    for (const file of vectors) {
      const v = JSON.parse(readFileSync(join(DIR, file), "utf8")) as Vector;
      for (const s of (await traceJson(v.scenario)).segments) {
        expect(s.flags).toMatch(/^S?F?R?P?A?$/);
        if (!s.flags.includes("A")) expect(s.ack).toBe(0);
      }
    }
  });
});
