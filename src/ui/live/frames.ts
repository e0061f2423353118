import { assertNever } from "../../engine";
import type { LeaderboardRow, PlayerView, ProjectorView } from "../../game/live";
import type { Hint } from "../components/KeyHints";
import type { Line } from "../components/Lines";
import { FRAME_ROWS } from "../components/Frame";
import type { Catalogue } from "../i18n";
import { clampLines, spread } from "../layout";
import type { Theme } from "../theme";
import { cut, padEnd, padStart, widthOf, wrap } from "../text";

/**
 * The live round's two terminal screens (issue 8), as pure functions of what the server sent and the clock: the
 * host's (`tcp-tutor host`, drawn from the projector's view) and a student's (`tcp-tutor join`, from their own
 * view). Every line is laid out here, to the width and height given, so tests read exact text.
 */

/** A screen: its title line, body lines (at most height − FRAME_ROWS) and key hints. */
export interface LiveFrame {
  readonly title: string;
  readonly body: readonly Line[];
  readonly hints: readonly Hint[];
}

interface Common {
  readonly t: Catalogue;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

/** Milliseconds left of the open question: what the view said, less the time since it came. */
export function msLeftNow(msLeft: number, receivedAt: number, now: number): number {
  return Math.max(0, msLeft - Math.max(0, now - receivedAt));
}

/** The letter of a choice: A, B, C… */
export function choiceLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

// ---- the host ---------------------------------------------------------------------------------------------------

export interface HostInput extends Common {
  readonly view: ProjectorView;
  /** The projector page's address. */
  readonly url: string;
  /** Milliseconds left of the open question, as of now. */
  readonly msLeft: number;
  /** Auto-advance: milliseconds until the next question comes by itself (undefined: the host's key). */
  readonly autoIn?: number | undefined;
  /** At the end: the result files written, or why they were not. */
  readonly results?: { readonly count: number; readonly dir: string } | { readonly error: string } | undefined;
}

export function hostFrame(input: HostInput): LiveFrame {
  const { view, t, width } = input;
  const q = view.question;
  const title = q === undefined ? t.live.hostTitle : `${t.live.hostTitle} · ${t.live.question(q.number, q.total)}`;
  switch (view.phase) {
    case "lobby":
      return { title, body: hostLobby(input), hints: ["advance", "back"] };
    case "question": {
      const left = t.live.secondsLeft(Math.ceil(input.msLeft / 1000));
      return { title: spread(title, left, width), body: hostQuestion(input), hints: ["advance", "quit"] };
    }
    case "reveal":
      return { title: spread(title, t.live.closed, width), body: hostReveal(input), hints: ["advance", "quit"] };
    case "finished":
      return { title: t.live.finalRanking, body: hostFinished(input), hints: ["back"] };
    default:
      return assertNever(view.phase);
  }
}

function hostLobby({ view, url, t, theme, width, height }: HostInput): Line[] {
  const top: Line[] = [
    [{ text: cut(t.live.joinWith(view.join.address, view.join.pin), width), bold: theme.bold }],
    cut(t.live.projector(url), width),
    "",
    cut(t.live.players(view.players.connected, view.players.joined), width),
  ];
  const end: Line[] = ["", [{ text: cut(t.live.enterStarts, width), color: theme.accent }]];
  const names = view.leaderboard.map((r) => (r.connected ? r.name : `${r.name} ${t.live.away}`)).join(", ");
  const room = height - FRAME_ROWS - top.length - end.length;
  const who = view.players.joined === 0 ? [t.live.noPlayers] : clampLines(wrap(names, width), room, width);
  return [...top, ...who, ...end];
}

function hostQuestion(input: HostInput): Line[] {
  const { view, t, theme, width, height } = input;
  const q = view.question;
  if (q === undefined) return [];
  const head = questionLines(q, undefined, input);
  const status: Line[] = [
    "",
    cut(`${t.live.answered(q.answered, view.players.connected)} · ${t.live.enterCloses}`, width),
  ];
  const room = height - FRAME_ROWS - head.length - status.length - 1;
  const ladder = room > 2 ? ["", ...ladderTail(q.ladder, room, width)] : [];
  return [...head, ...status, ...ladder.map((l): Line => (l === "" ? l : [{ text: l, dim: theme.dim }]))];
}

function hostReveal(input: HostInput): Line[] {
  const { view, t, theme, width, height } = input;
  const q = view.question;
  const r = view.reveal;
  if (q === undefined || r === undefined) return [];
  const most = Math.max(1, ...r.distribution);
  const countWidth = Math.max(...r.distribution.map((n) => String(n).length));
  const barWidth = Math.min(20, Math.max(4, Math.floor(width / 5)));
  const choices = q.choices.map((label, i): Line => {
    const n = r.distribution[i] ?? 0;
    const bar = "█".repeat(Math.round((n / most) * barWidth)).padEnd(barWidth, " ");
    const mark = i === r.correct ? "✓" : " ";
    const tail = ` ${padStart(String(n), countWidth)} ${bar}`;
    const text = cut(`${mark} ${choiceLetter(i)}. ${label}`, Math.max(1, width - widthOf(tail)));
    return [
      { text: padEnd(text, Math.max(0, width - widthOf(tail))), ...(i === r.correct ? { color: theme.good, bold: theme.bold } : {}) },
      { text: tail, dim: theme.dim },
    ];
  });
  const prompt: Line[] = wrap(q.prompt, width).slice(0, 2).map((text): Line => [{ text, bold: theme.bold }]);
  const lastOne = q.number === q.total;
  const seconds = input.autoIn === undefined ? undefined : Math.ceil(input.autoIn / 1000);
  const last =
    seconds === undefined
      ? lastOne
        ? t.live.enterFinishes
        : t.live.enterNext
      : lastOne
        ? t.live.autoFinal(seconds)
        : t.live.autoNext(seconds);
  const rows = height - FRAME_ROWS;
  const fixed = prompt.length + choices.length + 2;
  const explain = clampLines(wrap(r.explain, width), Math.min(3, Math.max(1, rows - fixed - 4)), width);
  const board = rows - fixed - explain.length - 3;
  return [
    ...prompt,
    ...choices,
    "",
    ...explain,
    "",
    ...leaderboardLines(view.leaderboard, Math.max(0, board), input),
    "",
    [{ text: cut(last, width), color: theme.accent }],
  ].slice(0, rows);
}

function hostFinished(input: HostInput): Line[] {
  const { view, results, t, theme, width, height } = input;
  const note: Line[] =
    results === undefined
      ? []
      : "error" in results
        ? ["", [{ text: cut(t.live.resultsNotWritten(results.error), width), color: theme.bad }]]
        : ["", ...wrap(t.live.resultsWritten(results.count, results.dir), width)];
  const rows = height - FRAME_ROWS - note.length;
  return [...leaderboardLines(view.leaderboard, rows, input), ...note];
}

// ---- a student --------------------------------------------------------------------------------------------------

export type JoinStatus = "connecting" | "joined" | "reconnecting" | "refused" | "closed";

export interface JoinInput extends Common {
  readonly address: string;
  readonly status: JoinStatus;
  /** The refusal's or the close's reason (English, the program's). */
  readonly detail?: string | undefined;
  readonly view?: PlayerView | undefined;
  /** The highlighted choice while the question is open and not answered. */
  readonly cursor: number;
  /** The server did not count the answer: why (late, twice…). */
  readonly refusal?: string | undefined;
  readonly msLeft: number;
}

export function joinFrame(input: JoinInput): LiveFrame {
  const { view, status, t, theme, width } = input;
  const name = view?.you.name;
  const title = name === undefined ? t.live.hostTitle : t.live.joinTitle(name);
  const banner = statusBanner(input);
  if (view === undefined && (status === "reconnecting" || (status === "connecting" && input.detail !== undefined))) {
    // Not joined, and an attempt failed (the client says why): the host is not there (a wrong address, the round not
    // hosted yet, a firewall); the client tries again by itself.
    const lines = wrap(t.live.unreachable(input.address), width).map((text): Line => [{ text, color: theme.bad }]);
    return { title, body: lines, hints: ["back"] };
  }
  if (view === undefined || status === "refused") {
    return { title, body: banner.length > 0 ? banner : [cut(t.live.connecting(input.address), width)], hints: ["back"] };
  }
  const body = (lines: Line[]): Line[] => [...banner, ...lines].slice(0, input.height - FRAME_ROWS);
  const q = view.question;
  switch (view.phase) {
    case "lobby":
      return {
        title,
        body: body([
          t.live.waitStart,
          "",
          cut(t.live.players(view.players.connected, view.players.joined), width),
        ]),
        hints: ["back"],
      };
    case "question": {
      if (q === undefined) return { title, body: body([]), hints: ["back"] };
      const right = `${t.live.question(q.number, q.total)} · ${t.live.secondsLeft(Math.ceil(input.msLeft / 1000))}`;
      const answered = q.chosen !== undefined;
      return {
        title: spread(title, right, width),
        body: body(joinQuestion(input, q, banner.length)),
        hints: answered ? ["back"] : ["move", "pick", "choose", "back"],
      };
    }
    case "reveal":
      return {
        title: q === undefined ? title : spread(title, t.live.question(q.number, q.total), width),
        body: body(joinReveal(input, banner.length)),
        hints: ["back"],
      };
    case "finished":
      return {
        title: spread(title, t.live.finalRanking, width),
        body: body([
          [{ text: cut(standing(view, t), width), bold: theme.bold }],
          "",
          ...leaderboardLines(view.leaderboard, input.height - FRAME_ROWS - banner.length - 2, input),
        ]),
        hints: ["back"],
      };
    default:
      return assertNever(view.phase);
  }
}

function statusBanner({ status, detail, t, theme, width }: JoinInput): Line[] {
  const text =
    status === "reconnecting"
      ? t.live.reconnecting
      : status === "refused"
        ? t.live.refused(detail ?? "")
        : status === "closed"
          ? t.live.ended(detail ?? "")
          : undefined;
  return text === undefined ? [] : [[{ text: cut(text, width), color: theme.bad, bold: theme.bold }], ""];
}

function joinQuestion(input: JoinInput, q: NonNullable<PlayerView["question"]>, used: number): Line[] {
  const { t, theme, width, height, refusal } = input;
  const chosen = q.chosen;
  const head = questionLines(q, chosen === undefined ? input.cursor : undefined, input);
  const after: Line[] =
    chosen !== undefined
      ? ["", [{ text: cut(t.live.yourAnswer(`${choiceLetter(chosen)}. ${q.choices[chosen] ?? ""}`), width), color: theme.accent }]]
      : refusal !== undefined
        ? ["", [{ text: cut(t.live.answerRefused(refusal), width), color: theme.bad }]]
        : [];
  const room = height - FRAME_ROWS - used - head.length - after.length - 1;
  const ladder = room > 2 ? [...ladderTail(q.ladder, room, width), ""] : [];
  return [...ladder.map((l): Line => (l === "" ? l : [{ text: l, dim: theme.dim }])), ...head, ...after];
}

function joinReveal(input: JoinInput, used: number): Line[] {
  const { view, t, theme, width, height } = input;
  const q = view?.question;
  const r = view?.reveal;
  if (view === undefined || q === undefined || r === undefined) return [[{ text: t.live.waitNext, dim: theme.dim }]];
  const verdict: Line =
    r.right
      ? [{ text: cut(t.live.right(r.points), width), color: theme.good, bold: theme.bold }]
      : [{ text: cut(q.chosen === undefined ? t.live.noAnswer : t.live.wrong, width), color: theme.bad, bold: theme.bold }];
  const answer = cut(t.live.rightAnswer(`${choiceLetter(r.correct)}. ${q.choices[r.correct] ?? ""}`), width);
  const rows = height - FRAME_ROWS - used;
  const explain = clampLines(wrap(r.explain, width), Math.max(1, Math.min(4, rows - 10)), width);
  const top: Line[] = [verdict, answer, "", ...explain, "", [{ text: cut(standing(view, t), width), bold: theme.bold }], ""];
  return [...top, ...leaderboardLines(view.leaderboard, rows - top.length, input)];
}

function standing(view: PlayerView, t: Catalogue): string {
  const you = view.you;
  return t.live.standing(you.place, view.players.joined, you.score, you.correct);
}

// ---- shared -----------------------------------------------------------------------------------------------------

/** The scenario's next step (dim), the prompt (bold), the choices lettered; the cursor's marked. */
function questionLines(
  q: { readonly next?: string | undefined; readonly prompt: string; readonly choices: readonly string[] },
  cursor: number | undefined,
  { theme, width }: Common,
): Line[] {
  const next: Line[] = q.next === undefined ? [] : wrap(q.next, width).slice(0, 2).map((text): Line => [{ text, dim: theme.dim }]);
  const prompt = wrap(q.prompt, width).slice(0, 3).map((text): Line => [{ text, bold: theme.bold }]);
  const choices = q.choices.map((label, i): Line => {
    const on = i === cursor;
    const text = cut(`${on ? "❯" : " "} ${choiceLetter(i)}. ${label}`, width);
    return [{ text, ...(on ? { color: theme.selected, bold: theme.bold } : {}) }];
  });
  return [...next, ...prompt, ...choices];
}

/** The last `rows` lines of the ladder, each cut to the width (it is drawn 80 columns wide). */
function ladderTail(ladder: readonly string[], rows: number, width: number): string[] {
  return ladder.slice(Math.max(0, ladder.length - rows)).map((l) => cut(l, width));
}

/** "Leaderboard", then up to `rows − 1` rows: place, name, points, right answers. */
function leaderboardLines(rows: readonly LeaderboardRow[], room: number, { t, theme, width }: Common): Line[] {
  if (room < 2) return [];
  const shown = rows.slice(0, room - 1);
  const placeWidth = Math.max(2, ...shown.map((r) => String(r.place).length + 1));
  const points = shown.map((r) => t.live.points(r.score));
  const pointsWidth = Math.max(0, ...points.map(widthOf));
  const nameWidth = Math.max(4, width - placeWidth - pointsWidth - 8);
  return [
    [{ text: cut(t.live.leaderboard, width), bold: theme.bold }],
    ...shown.map((r, i): Line => {
      const name = cut(r.connected ? r.name : `${r.name} ${t.live.away}`, nameWidth);
      const text = `${padStart(`${r.place}.`, placeWidth)} ${padEnd(name, nameWidth)} ${padStart(points[i] ?? "", pointsWidth)}  ✓${r.correct}`;
      return [{ text: cut(text, width), ...(r.connected ? {} : { dim: theme.dim }) }];
    }),
  ];
}
