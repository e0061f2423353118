import { join } from "node:path";
import { accuracyPerQuestion, type ChallengeSpec, rankResults } from "../game/challenge";
import type { DrillPuzzle } from "../game/drill";
import { conceptName, TOPIC_INFO } from "../game/drill";
import { questionsOf } from "../game/questions";
import { type ChallengeResult, verifyResultText } from "../store/challengeResult";
import { padEnd, padStart, widthOf } from "../ui/text";
import type { Command } from "./args";
import { describeSpec, packFor } from "./challenge";
import { EXIT_OK, EXIT_PROBLEMS, errorLine, type Io, plural } from "./io";
import type { LoadedChapter } from "../levels/loader";

/**
 * `tcp-tutor challenge verify FILE...` and `tcp-tutor scoreboard DIR|FILE...`: a class's result files checked (each
 * replayed, src/store/challengeResult.ts) and ranked. An invalid file is listed with its reason and never counted.
 * Neither needs a terminal or the save.
 */

type VerifyCommand = Extract<Command, { kind: "verify" }>;
type ScoreboardCommand = Extract<Command, { kind: "scoreboard" }>;

/** A result file checked: valid with what its replay gives, or invalid with why. */
type Checked =
  | {
      readonly file: string;
      readonly ok: true;
      readonly result: ChallengeResult;
      readonly spec: ChallengeSpec;
      readonly round: readonly DrillPuzzle[];
      readonly questions: readonly string[];
    }
  | { readonly file: string; readonly ok: false; readonly reason: string };

async function check(file: string, io: Io, pack: readonly LoadedChapter[] | undefined): Promise<Checked> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (e) {
    return { file, ok: false, reason: `cannot be read: ${errorLine(e)}` };
  }
  const verified = verifyResultText(text, pack);
  if (!verified.ok) return { file, ok: false, reason: verified.reason };
  const { result, spec, round, replay } = verified;
  return { file, ok: true, result, spec, round, questions: replay.questions };
}

/** One line per file; exit status 1 when any is invalid. */
export async function verify(command: VerifyCommand, io: Io): Promise<number> {
  const pack = await packOf(command.levels, "challenge verify", io);
  if (typeof pack === "number") return pack;
  const checked = await Promise.all(command.files.map((f) => check(f, io, pack)));
  if (command.json) {
    io.stdout(`${JSON.stringify(checked.map(verifyJson), null, 2)}\n`);
  } else {
    for (const c of checked) {
      if (!c.ok) {
        io.stdout(`${c.file}: invalid: ${c.reason}\n`);
        continue;
      }
      const r = c.result;
      io.stdout(
        `${c.file}: valid: ${r.name}, ${plural(r.score, "point")}, ${r.correct}/${r.total} right` +
          `${r.answered < r.total ? ` (${r.answered} answered)` : ""}, ${duration(r.ms)}, challenge ${r.code}\n`,
      );
    }
  }
  return checked.every((c) => c.ok) ? EXIT_OK : EXIT_PROBLEMS;
}

function verifyJson(c: Checked) {
  if (!c.ok) return { file: c.file, valid: false, reason: c.reason };
  const { name, code, score, correct, total, answered, ms } = c.result;
  return { file: c.file, valid: true, name, code, score, correct, total, answered, ms };
}

/** The scoreboard of one round (one code). */
interface Board {
  readonly code: string;
  readonly spec: ChallengeSpec;
  readonly results: readonly Extract<Checked, { ok: true }>[];
}

interface Scoreboard {
  readonly boards: readonly Board[];
  readonly invalid: readonly { readonly file: string; readonly reason: string }[];
}

/**
 * Every result of the paths given, checked, grouped by code (a teacher's folder may hold several rounds). A copy of a
 * file counts once; a second attempt under the same name for the same round is not counted (the earliest is:
 * `challenge CODE` can be played again, and the first try is the one that tells what the student knew).
 */
export async function scoreboard(command: ScoreboardCommand, io: Io): Promise<number> {
  const pack = await packOf(command.levels, "scoreboard", io);
  if (typeof pack === "number") return pack;
  const files: string[] = [];
  for (const path of command.paths) {
    const listed = await resultFiles(path, io);
    if (typeof listed === "string") {
      io.stderr(`scoreboard: ${listed}\n`);
      return EXIT_PROBLEMS;
    }
    files.push(...listed);
  }
  const board = rank(await Promise.all(files.map((f) => check(f, io, pack))));
  switch (command.format) {
    case "json":
      io.stdout(`${JSON.stringify(boardJson(board), null, 2)}\n`);
      break;
    case "csv":
      io.stdout(boardCsv(board));
      break;
    case "md":
      io.stdout(boardMarkdown(board));
      break;
    case "text":
      io.stdout(boardText(board));
      break;
  }
  // Invalid files are part of the text and Markdown boards; for programs they are on stderr too.
  if (command.format === "json" || command.format === "csv") {
    for (const i of board.invalid) io.stderr(`scoreboard: ${i.file}: not counted: ${i.reason}\n`);
  }
  if (board.boards.length === 0) {
    io.stderr(`scoreboard: no valid result among ${plural(files.length, "file")}\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

/** A directory's *.json files (sorted), or the file itself; what is wrong when the path cannot be read. */
async function resultFiles(path: string, io: Io): Promise<string[] | string> {
  try {
    const entries = await io.listDir(path);
    return entries
      .filter((e) => !e.dir && e.name.endsWith(".json"))
      .map((e) => join(path, e.name))
      .sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOTDIR") return [path];
    return `cannot read ${path}: ${errorLine(e)}`;
  }
}

function rank(checked: readonly Checked[]): Scoreboard {
  const invalid: { file: string; reason: string }[] = [];
  const seals = new Set<string>();
  const first = new Map<string, Extract<Checked, { ok: true }>>();
  const valid = checked.filter((c): c is Extract<Checked, { ok: true }> => {
    if (!c.ok) invalid.push({ file: c.file, reason: c.reason });
    return c.ok;
  });
  for (const c of [...valid].sort((a, b) => a.result.started.localeCompare(b.result.started))) {
    if (seals.has(c.result.seal)) continue;
    seals.add(c.result.seal);
    const key = `${c.result.code}\u0000${c.result.name}`;
    const earlier = first.get(key);
    if (earlier !== undefined) {
      invalid.push({ file: c.file, reason: `a later attempt by ${c.result.name} (counted: ${earlier.file})` });
      continue;
    }
    first.set(key, c);
  }
  const codes = [...new Set([...first.values()].map((c) => c.result.code))].sort();
  const boards = codes.map((code) => {
    const results = [...first.values()].filter((c) => c.result.code === code);
    return { code, spec: (results[0] as (typeof results)[number]).spec, results };
  });
  return { boards, invalid: invalid.sort((a, b) => a.file.localeCompare(b.file)) };
}

/** A board's ranked rows and its questions, in the shape of `scoreboard --json` (README.md documents it). */
function boardJson(s: Scoreboard) {
  return {
    rounds: s.boards.map((b) => ({
      code: b.code,
      count: b.spec.count,
      topics: b.spec.topics,
      difficulty: b.spec.difficulty ?? null,
      minutes: b.spec.minutes,
      results: ranked(b).map(({ place, entry }) => ({
        place,
        name: entry.name,
        score: entry.score,
        correct: entry.correct,
        total: entry.total,
        answered: entry.answered,
        ms: entry.ms,
        live: entry.live !== undefined,
        file: entry.file,
      })),
      questions: questionRows(b),
    })),
    invalid: s.invalid,
  };
}

function ranked(b: Board) {
  return rankResults(b.results.map((c) => ({ ...c.result, file: c.file })));
}

/** Each question of the round, with the share of the class that answered it right, its topic and concepts. */
function questionRows(b: Board) {
  const round = b.results[0]?.round ?? [];
  const accuracy = accuracyPerQuestion(b.results.map((r) => ({ questions: r.questions })));
  const slots = round.flatMap((p, puzzle) => questionsOf(p.level).map((_, question) => ({ puzzle, question, p })));
  return slots.map((s, i) => ({
    number: i + 1,
    puzzle: s.puzzle + 1,
    question: s.question + 1,
    topic: s.p.topic,
    concepts: s.p.concepts,
    right: b.results.filter((r) => r.questions[i] === "right").length,
    answered: b.results.filter((r) => r.questions[i] !== "unanswered").length,
    results: b.results.length,
    accuracy: Math.round((accuracy[i] ?? 0) * 1000) / 1000,
  }));
}

function boardText(s: Scoreboard): string {
  const out: string[] = [];
  for (const b of s.boards) {
    out.push(`Challenge ${b.code}: ${roundText(b)}; ${plural(b.results.length, "result")}`, "");
    const rows = ranked(b).map(({ place, entry }) => [
      String(place),
      entry.name,
      String(entry.score),
      `${entry.correct}/${entry.total}`,
      duration(entry.ms),
    ]);
    out.push(...table(["Place", "Name", "Score", "Right", "Time"], rows, [true, false, true, true, true]), "");
    out.push("Questions: the share of the class that answered right (lowest first shows what to go over)");
    const questions = questionRows(b);
    out.push(
      ...table(
        ["#", "Puzzle", "Right", "Topic: concepts"],
        questions.map((q) => [
          String(q.number),
          q.question > 1 || questions.some((o) => o.puzzle === q.puzzle && o.question > 1) ? `${q.puzzle}.${q.question}` : String(q.puzzle),
          percent(q.accuracy),
          `${TOPIC_INFO[q.topic].title.en}: ${q.concepts.map((c) => conceptName(c, "en")).join(", ")}`,
        ]),
        [true, true, true, false],
      ),
    );
    const worst = [...questions].sort((x, y) => x.accuracy - y.accuracy || x.number - y.number)[0];
    if (worst !== undefined && worst.accuracy < 1) {
      out.push(`Missed most: question ${worst.number} (${percent(worst.accuracy)} right): ${worst.concepts.map((c) => conceptName(c, "en")).join(", ")}`);
    }
    out.push("");
  }
  if (s.invalid.length > 0) {
    out.push(`Not counted (${s.invalid.length}):`, ...s.invalid.map((i) => `  ${i.file}: ${i.reason}`), "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

function boardMarkdown(s: Scoreboard): string {
  const out: string[] = [];
  const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ");
  for (const b of s.boards) {
    out.push(`## Challenge ${b.code}`, "", `${roundText(b)}; ${plural(b.results.length, "result")}.`, "");
    out.push("| Place | Name | Score | Right | Time |", "| ---: | --- | ---: | ---: | ---: |");
    for (const { place, entry } of ranked(b)) {
      out.push(`| ${place} | ${cell(entry.name)} | ${entry.score} | ${entry.correct}/${entry.total} | ${duration(entry.ms)} |`);
    }
    out.push("", "| # | Puzzle | Right | Topic | Concepts |", "| ---: | ---: | ---: | --- | --- |");
    for (const q of questionRows(b)) {
      const concepts = q.concepts.map((c) => conceptName(c, "en")).join(", ");
      out.push(`| ${q.number} | ${q.puzzle} | ${percent(q.accuracy)} | ${TOPIC_INFO[q.topic].title.en} | ${cell(concepts)} |`);
    }
    out.push("");
  }
  if (s.invalid.length > 0) {
    out.push("## Not counted", "", ...s.invalid.map((i) => `- \`${i.file}\`: ${cell(i.reason)}`), "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/** The ranking, one row per result (RFC 4180; a value a spreadsheet would run as a formula is quoted as text). */
function boardCsv(s: Scoreboard): string {
  const field = (value: string | number): string => {
    let text = String(value);
    if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const head = ["code", "place", "name", "score", "correct", "total", "answered", "ms", "file"];
  const rows = s.boards.flatMap((b) =>
    ranked(b).map(({ place, entry: e }) => [b.code, place, e.name, e.score, e.correct, e.total, e.answered, e.ms, e.file]),
  );
  return [head, ...rows].map((r) => `${r.map(field).join(",")}\r\n`).join("");
}

/** Columns padded to their widest cell (as the terminal draws them: a CJK name takes two columns a character). */
function table(head: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[]): string[] {
  const widths = head.map((h, i) => Math.max(widthOf(h), ...rows.map((r) => widthOf(r[i] ?? ""))));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => (i === r.length - 1 && !right[i] ? c : right[i] ? padStart(c, widths[i] ?? 0) : padEnd(c, widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(head), ...rows.map(line)].map((l) => `  ${l}`);
}

/** What the round was: as its code says, and for a live one, how long each question was open. */
function roundText(b: Board): string {
  const live = b.results.find((r) => r.result.live !== undefined)?.result.live;
  const spec = describeSpec(b.spec);
  return live === undefined ? spec : `${spec.replace(/, untimed$/, "")}, played live (${live.seconds} s a question)`;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "2 min 05 s", "48 s". */
function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}

/** The level pack of --levels DIR, for rounds drawn from one (undefined without the option), or the exit status. */
async function packOf(dir: string | undefined, what: string, io: Io): Promise<readonly LoadedChapter[] | undefined | number> {
  return dir === undefined ? undefined : packFor(dir, io, what);
}
