import { Box, useApp, useInput } from "ink";
import { useEffect, useRef, useState } from "react";
import type { Lang } from "../../game";
import type { PlayerView, ProjectorView } from "../../game/live";
import { Frame } from "../components/Frame";
import { Lines } from "../components/Lines";
import { useTerminalSize } from "../hooks/useTerminalSize";
import { CATALOGUES } from "../i18n";
import { is, keysOf } from "../keys";
import { frameOf, isTooSmall } from "../layout";
import { TooSmallScreen } from "../screens/TooSmallScreen";
import { listKey } from "../state/list";
import { themeFor } from "../theme";
import { hostFrame, type JoinStatus, joinFrame, type LiveFrame, msLeftNow } from "./frames";

/**
 * The live round's terminal apps (issue 8). They draw what the server sends and send the keys' intents: the host's
 * Enter (start, close, next), a student's answer. Scoring and deadlines are the server's; nothing here decides.
 * The CLI hands them the server or the client behind these small interfaces, so the UI never touches a socket.
 */

/** How often a countdown is redrawn (ms). */
const TICK_MS = 250;

/** The host's side of the server, as the host's screen needs it. */
export interface LiveHost {
  readonly url: string;
  view(): ProjectorView;
  next(): void;
  onChange(listener: () => void): () => void;
}

export type ResultsOutcome = { readonly count: number; readonly dir: string } | { readonly error: string };

export interface HostAppProps {
  readonly host: LiveHost;
  readonly color: boolean;
  /** Seconds a closed question stays before the next comes by itself (undefined: the host's Enter). */
  readonly revealSeconds?: number | undefined;
  /** The round has finished: write the results (once), say where. */
  readonly finish: () => ResultsOutcome;
  readonly now?: () => number;
}

/** A view and when it came: a countdown runs from it. */
interface Received<V> {
  readonly view: V;
  readonly at: number;
}

export function HostApp({ host, color, revealSeconds, finish, now = Date.now }: HostAppProps) {
  const { exit } = useApp();
  const size = useTerminalSize();
  const [got, setGot] = useState<Received<ProjectorView>>(() => ({ view: host.view(), at: now() }));
  const [results, setResults] = useState<ResultsOutcome | undefined>(undefined);
  const revealedAt = useRef<{ question: number; at: number } | undefined>(undefined);
  const clock = useClock(got.view.phase === "question" || (got.view.phase === "reveal" && revealSeconds !== undefined), now);

  useEffect(() => host.onChange(() => setGot({ view: host.view(), at: now() })), [host, now]);
  const phase = got.view.phase;
  useEffect(() => {
    if (phase === "finished" && results === undefined) setResults(finish());
  }, [phase, results, finish]);

  useInput((input, key) => {
    for (const k of keysOf(input, key)) {
      if (is(k, "quit")) return exit();
      const view = host.view();
      if (is(k, "back") && (view.phase === "lobby" || view.phase === "finished")) return exit();
      if (is(k, "advance") && view.phase !== "finished") host.next();
    }
  });

  const view = got.view;
  const number = view.question?.number ?? 0;
  if (view.phase === "reveal" && revealedAt.current?.question !== number) revealedAt.current = { question: number, at: got.at };
  const autoIn =
    view.phase === "reveal" && revealSeconds !== undefined
      ? Math.max(0, revealSeconds * 1000 - (clock - (revealedAt.current?.at ?? got.at)))
      : undefined;
  const t = CATALOGUES[view.lang];
  if (isTooSmall(size)) return <TooSmallScreen size={size} t={t} />;
  const { width, height } = frameOf(size);
  const frame = hostFrame({
    view,
    url: host.url,
    msLeft: msLeftNow(view.question?.msLeft ?? 0, got.at, clock),
    autoIn,
    results,
    t,
    theme: themeFor(color),
    width,
    height,
  });
  return <LiveScreen frame={frame} lang={view.lang} color={color} width={width} />;
}

/** A student's side of the client, as the join screen needs it. */
export interface LiveJoin {
  readonly view: PlayerView | undefined;
  onView(listener: (view: PlayerView) => void): () => void;
  onStatus(listener: (status: JoinStatus, detail?: string) => void): () => void;
  answer(question: number, choice: number): Promise<string>;
  close(): void;
}

export interface JoinAppProps {
  readonly client: LiveJoin;
  readonly address: string;
  readonly lang: Lang;
  readonly color: boolean;
  readonly now?: () => number;
}

export function JoinApp({ client, address, lang, color, now = Date.now }: JoinAppProps) {
  const { exit } = useApp();
  const size = useTerminalSize();
  const [got, setGot] = useState<Received<PlayerView> | undefined>(() =>
    client.view === undefined ? undefined : { view: client.view, at: now() },
  );
  const [status, setStatus] = useState<{ status: JoinStatus; detail?: string | undefined }>({ status: "connecting" });
  const [cursor, setCursor] = useState(0);
  const [refusal, setRefusal] = useState<{ question: number; reason: string } | undefined>(undefined);
  const clock = useClock(got?.view.phase === "question", now);
  // Read and written by the input handler: keys typed in one chunk act on what the key before them left.
  const keysState = useRef({ cursor: 0, question: 0, sent: 0 });

  useEffect(() => client.onView((view) => setGot({ view, at: now() })), [client, now]);
  useEffect(() => client.onStatus((s, detail) => setStatus({ status: s, detail })), [client]);
  const number = got?.view.question?.number;

  useInput((input, key) => {
    const ks = keysState.current;
    for (const k of keysOf(input, key)) {
      if (is(k, "quit") || is(k, "back")) {
        client.close();
        return exit();
      }
      // The client's latest view, as the host's screen reads the server's: this handler may be the previous
      // render's, still holding the view before (Ink subscribes a render's handler only after drawing it).
      const latest = client.view;
      const q = latest?.phase === "question" ? latest.question : undefined;
      if (q === undefined || q.chosen !== undefined || ks.sent === q.number) continue;
      // A new question: the cursor starts on its first choice.
      if (ks.question !== q.number) Object.assign(ks, { question: q.number, cursor: 0 });
      const out = listKey(ks.cursor, q.choices.length, k);
      if (out.kind === "moved") ks.cursor = out.cursor;
      setCursor(ks.cursor);
      if (out.kind !== "chosen") continue;
      ks.cursor = out.index;
      ks.sent = q.number;
      setCursor(out.index);
      void client.answer(q.number, out.index).then((outcome) => {
        // Not sent (the connection was down): the student may answer again once it is back.
        if (outcome === "offline" && ks.sent === q.number) ks.sent = 0;
        if (outcome !== "accepted") setRefusal({ question: q.number, reason: outcome });
      });
    }
  });

  const view = got?.view;
  const t = CATALOGUES[view?.lang ?? lang];
  if (isTooSmall(size)) return <TooSmallScreen size={size} t={t} />;
  const { width, height } = frameOf(size);
  const frame = joinFrame({
    address,
    status: status.status,
    detail: status.detail,
    view,
    cursor: keysState.current.question === number ? cursor : 0,
    refusal: refusal !== undefined && refusal.question === number ? refusal.reason : undefined,
    msLeft: got === undefined ? 0 : msLeftNow(got.view.question?.msLeft ?? 0, got.at, clock),
    t,
    theme: themeFor(color),
    width,
    height,
  });
  return <LiveScreen frame={frame} lang={view?.lang ?? lang} color={color} width={width} />;
}

/** The clock, redrawn every TICK_MS while `running`. */
function useClock(running: boolean, now: () => number): number {
  const [clock, setClock] = useState(now);
  useEffect(() => {
    if (!running) return;
    setClock(now());
    const timer = setInterval(() => setClock(now()), TICK_MS);
    return () => clearInterval(timer);
  }, [running, now]);
  return running ? clock : now();
}

function LiveScreen({ frame, lang, color, width }: { frame: LiveFrame; lang: Lang; color: boolean; width: number }) {
  const t = CATALOGUES[lang];
  return (
    <Box flexDirection="column">
      <Frame title={frame.title} hints={frame.hints} t={t} theme={themeFor(color)} width={width}>
        <Lines lines={frame.body} />
      </Frame>
    </Box>
  );
}
