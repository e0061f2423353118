import { accessSync, constants, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { type ChallengeSpec, encodeChallenge, GENERATOR_VERSION, MAX_SEED } from "../game/challenge";
import type { LiveResult } from "../game/live";
import { resultOf, writeResultFile } from "../store/challengeResult";
import { langFromEnv } from "../ui/i18n";
import type { ResultsOutcome } from "../ui/live/LiveApps";
import type { Command } from "./args";
import { clockSeed } from "./drill";
import { noColorRequested } from "./game";
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, errorLine, type Io, plural } from "./io";
import { playerName } from "./challenge";
import { VERSION } from "./version";

/**
 * `tcp-tutor host` and `tcp-tutor join` (issue 8): the server (src/live/server.ts) or the client (src/live/client.ts)
 * wired to their screens (src/ui/live). A live round is a challenge round (the code is in every result file), played
 * one question at a time, each open `--seconds`; the server keeps the answers and writes every player's result file
 * in the offline challenges' format, which `challenge verify` and `scoreboard` read.
 */

type HostCommand = Extract<Command, { kind: "host" }>;
type JoinCommand = Extract<Command, { kind: "join" }>;

export async function host(command: HostCommand, io: Io): Promise<number> {
  if (command.levels !== undefined) {
    return usage(io, "host", "--levels: a live round is generated, not drawn from a level pack");
  }
  if (!io.interactive) {
    return usage(io, "host", "the host's screen needs a terminal (standard input and output): its keys run the round");
  }
  const spec: ChallengeSpec = {
    generator: GENERATOR_VERSION,
    seed: command.seed ?? clockSeed(io.now()) % (MAX_SEED + 1),
    count: command.count,
    topics: command.topics,
    difficulty: undefined,
    minutes: 0,
  };
  const code = encodeChallenge(spec);
  const dir = resolve(command.out ?? `live-${code}`);
  // The results are written at the end: a place that cannot take them is said now, before the class joins.
  const writable = writableDir(dir);
  if (writable !== undefined) {
    io.stderr(`host: cannot write the results in ${dir}: ${writable} (choose another with --out DIR)\n`);
    return EXIT_PROBLEMS;
  }
  const { startLiveServer } = await import("../live/server");
  const lang = langFromEnv(io.env);
  let server: Awaited<ReturnType<typeof startLiveServer>>;
  try {
    server = await startLiveServer({
      spec,
      seconds: command.seconds,
      port: command.port,
      ...(command.bind === undefined ? {} : { bind: command.bind }),
      ...(command.auto === undefined ? {} : { revealSeconds: command.auto }),
      lang,
    });
  } catch (e) {
    const busy = (e as NodeJS.ErrnoException).code === "EADDRINUSE";
    const hint = busy ? " (another program has it: choose another with --port P, or --port 0 for any)" : "";
    io.stderr(`host: cannot listen on port ${command.port}: ${errorLine(e)}${hint}\n`);
    return EXIT_PROBLEMS;
  }
  const startedAt = io.now();
  let written: ResultsOutcome | undefined;
  const finish = (): ResultsOutcome => {
    written ??= writeLiveResults(dir, code, command.seconds, server.results(), startedAt, io.now());
    return written;
  };
  try {
    await io.host({
      host: {
        url: server.url,
        view: () => server.view(),
        next: () => server.next(),
        onChange: (listener) => server.onChange(() => listener()),
      },
      color: command.color && !noColorRequested(io.env),
      revealSeconds: command.auto,
      finish,
    });
    // The host quit before the end: the questions closed so far are the round, if anyone answered one.
    if (written === undefined && server.results().some((r) => r.answered > 0)) finish();
  } finally {
    await server.close();
  }
  const outcome: ResultsOutcome | undefined = written;
  if (outcome !== undefined && "error" in outcome) {
    io.stderr(`host: the results could not be written: ${outcome.error}\n`);
    return EXIT_PROBLEMS;
  }
  if (outcome !== undefined) {
    io.stdout(`${plural(outcome.count, "result file")} written to ${outcome.dir} (tcp-tutor scoreboard ${outcome.dir})\n`);
  }
  return EXIT_OK;
}

/** Why results cannot be written in `dir` (made if missing), or undefined when they can. */
function writableDir(dir: string): string | undefined {
  try {
    accessSync(dir, constants.W_OK);
    return undefined;
  } catch {
    try {
      accessSync(dirname(dir), constants.W_OK);
      return undefined;
    } catch (e) {
      return errorLine(e);
    }
  }
}

/** Each player's sealed result file in `dir`, never over another file. */
export function writeLiveResults(
  dir: string,
  code: string,
  seconds: number,
  results: readonly LiveResult[],
  startedAt: number,
  finishedAt: number,
): ResultsOutcome {
  try {
    mkdirSync(dir, { recursive: true });
    for (const r of results) {
      writeResultFile(dir, resultOf({ ...r, code, live: { seconds }, version: VERSION, startedAt, finishedAt }));
    }
    return { count: results.length, dir };
  } catch (e) {
    return { error: errorLine(e) };
  }
}

/** A student's screen, joined to the host at `address` with the PIN; the name is --name, else the profile's. */
export async function join(command: JoinCommand, io: Io): Promise<number> {
  if (!io.interactive) {
    return usage(io, "join", "a live round needs a terminal (standard input and output) to answer in");
  }
  if (command.levels !== undefined) {
    return usage(io, "join", "--levels: a live round is generated by the host, not drawn from a level pack");
  }
  const [{ joinLive }, { liveUrl }] = await Promise.all([import("../live/client"), import("../live/address")]);
  if (liveUrl(command.address, "/") === undefined) {
    return usage(io, "join", `"${command.address}" is not an address to join (the host shows it, like 192.168.1.20:8123)`);
  }
  const name = playerName(command, io);
  if (typeof name !== "string") return usage(io, "join", name.problem);
  const lang = langFromEnv(io.env);
  const client = joinLive({ address: command.address, pin: command.pin, name, lang });
  let last: { status: string; detail?: string | undefined } = { status: "connecting" };
  client.onStatus((status, detail) => {
    last = { status, detail };
  });
  try {
    await io.join({ client, address: command.address, lang, color: command.color && !noColorRequested(io.env) });
  } finally {
    client.close();
  }
  const ended: { status: string; detail?: string | undefined } = last;
  if (ended.status === "refused") {
    io.stderr(`join: the host refused: ${ended.detail ?? "no reason given"}\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

function usage(io: Io, command: string, message: string): number {
  io.stderr(`${command}: ${message} (see tcp-tutor --help)\n`);
  return EXIT_USAGE;
}
