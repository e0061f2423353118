import { type MemoryRow, misconceptionOfKey } from "../game/drill";
import type { StatsReport } from "../store/stats";
import { plural } from "./io";

/**
 * `tcp-tutor stats` as text, in English: a teacher reads it over a student's shoulder, or collects it from a lab's
 * machines (`--json` is for that). Pure: the report in, the lines out.
 */

const BAR_WIDTH = 8;
/** The misconceptions shown; `--json` has them all. */
const TOP_MISCONCEPTIONS = 5;
/** The drill's reviews shown, the most urgent; `--json` has them all. */
const TOP_REVIEWS = 10;

/** `reviews`: the drill's memory, most urgent first (memoryRows), with the concepts' names in English. */
export function renderStats(report: StatsReport, reviews: readonly MemoryRow[]): string {
  return [
    `Profile "${report.profile}"`,
    "",
    "Chapters",
    ...chapterLines(report),
    "",
    "Concepts, weakest first",
    ...conceptLines(report),
    "",
    "Misconceptions fallen for most",
    ...misconceptionLines(report),
    "",
    "Drill reviews, most urgent first",
    ...reviewLines(reviews),
    "",
    ...summaryLines(report),
    "",
  ].join("\n");
}

function chapterLines(report: StatsReport): string[] {
  if (report.chapters.length === 0) return ["  no chapter in the level pack"];
  const rows = report.chapters.map((c) => ({
    id: c.id,
    bar: bar(c.completed, c.levels),
    levels: `${c.completed}/${c.levels} levels`,
    stars: `${c.stars}/${c.maxStars} ★`,
  }));
  const idWidth = Math.max(...rows.map((r) => r.id.length));
  const levelsWidth = Math.max(...rows.map((r) => r.levels.length));
  const starsWidth = Math.max(...rows.map((r) => r.stars.length));
  return rows.map(
    (r) => `  ${r.id.padEnd(idWidth)}  ${r.bar}  ${r.levels.padStart(levelsWidth)}  ${r.stars.padStart(starsWidth)}`,
  );
}

/** Completed levels as a bar of BAR_WIDTH cells; anything done shows at least one cell. */
export function bar(done: number, total: number): string {
  const filled = done === 0 || total === 0 ? 0 : Math.max(1, Math.floor((done / total) * BAR_WIDTH));
  return "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
}

function conceptLines(report: StatsReport): string[] {
  if (report.concepts.length === 0) return ["  nothing answered yet"];
  const width = Math.max(...report.concepts.map((c) => c.concept.length));
  return report.concepts.map(
    (c) => `  ${c.concept.padEnd(width)}  ${percent(c.accuracy).padStart(4)}  ${c.right} right, ${c.wrong} wrong`,
  );
}

function misconceptionLines(report: StatsReport): string[] {
  if (report.misconceptions.length === 0) return ["  none"];
  const shown = report.misconceptions.slice(0, TOP_MISCONCEPTIONS);
  const width = Math.max(...shown.map((m) => `${m.count}×`.length));
  const lines = shown.map((m) => `  ${`${m.count}×`.padStart(width)}  ${m.id}`);
  const more = report.misconceptions.length - shown.length;
  return more > 0 ? [...lines, `  … and ${more} more (tcp-tutor stats --json lists them all)`] : lines;
}

/** Each concept (or misconception) the drill remembers: its Leitner box and when it comes up again. */
function reviewLines(reviews: readonly MemoryRow[]): string[] {
  if (reviews.length === 0) return ["  nothing practised yet (tcp-tutor drill)"];
  const rows = reviews.slice(0, TOP_REVIEWS).map((r) => ({
    id: misconceptionOfKey(r.key) ?? r.key,
    name: r.kind === "concept" ? r.name : "a misconception fallen for",
    when: `box ${r.box}, ${dueText(r.dueIn)}`,
  }));
  const idWidth = Math.max(...rows.map((r) => r.id.length));
  const nameWidth = Math.max(...rows.map((r) => r.name.length));
  const lines = rows.map((r) => `  ${r.id.padEnd(idWidth)}  ${r.name.padEnd(nameWidth)}  ${r.when}`);
  const more = reviews.length - rows.length;
  return more > 0 ? [...lines, `  … and ${more} more (tcp-tutor stats --json lists them all)`] : lines;
}

/** When a review is due, in the unit a person would say: due now, due in 45 seconds, 10 minutes, 5 hours, 3 days. */
export function dueText(ms: number): string {
  if (ms <= 0) return "due now";
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `due in ${plural(seconds, "second")}`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `due in ${plural(minutes, "minute")}`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `due in ${plural(hours, "hour")}`;
  return `due in ${plural(Math.round(hours / 24), "day")}`;
}

function summaryLines(report: StatsReport): string[] {
  const { streak: s, totals: t } = report;
  const streak =
    s.lastDay === null
      ? "none yet"
      : `${plural(s.current, "day")} (best ${plural(s.best, "day")}; last played ${s.lastDay})`;
  const due =
    report.due.length === 0
      ? "nothing due for review"
      : `${plural(report.due.length, "concept")} due for review: ${report.due.map((d) => d.concept).join(", ")}`;
  return [
    `Streak   ${streak}`,
    `Answers  ${t.correct} of ${t.answered} right (${percent(t.accuracy)}); ${plural(t.hints, "hint")}; ` +
      `${duration(t.ms)} answering`,
    `Totals   ${plural(t.plays, "play")}; ${plural(t.points, "point")}; ${t.levelsCompleted} of ` +
      `${plural(t.levels, "level")} completed; ${t.stars} of ${t.maxStars} ★`,
    `Drill    ${due}`,
  ];
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** 45s, 12m 05s, 3h 02m. */
export function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, "0")}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, "0")}m`;
}
