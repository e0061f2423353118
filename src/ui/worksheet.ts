import type { Trace } from "../engine";
import {
  conceptName,
  TOPIC_INFO,
  WORKSHEET_WORDS,
  type Worksheet,
  worksheetData,
  worksheetJson,
  type WorksheetOptions,
  type WorksheetPuzzle,
  type WorksheetQuestion,
} from "../game/drill";
import { CATALOGUES } from "./i18n";
import { renderLadder } from "./ladder";

/**
 * `tcp-tutor drill --print`: a worksheet as Markdown (questions with their ladder so far and lettered choices,
 * then an answer key with explanations and sources) or as JSON (src/game/drill/worksheet.ts documents the shape).
 * No terminal needed, nothing read from the environment: the same options print the same bytes.
 */

export type WorksheetFormat = "md" | "json";

/** Ladders are drawn 80 columns wide, whatever the terminal: a worksheet is for paper. */
export const WORKSHEET_LADDER_WIDTH = 80;

export function renderWorksheet(o: WorksheetOptions & { readonly format: WorksheetFormat }): string {
  const w = worksheetData(o);
  return o.format === "json" ? worksheetJson(w) : worksheetMarkdown(w);
}

export function worksheetMarkdown(w: Worksheet): string {
  const words = WORKSHEET_WORDS[w.lang];
  const out: string[] = [`# ${words.title}`, "", words.heading(w.seed, w.count), ""];
  for (const p of w.puzzles) out.push(...puzzleLines(w, p));
  out.push("---", "", `## ${words.answerKey}`, "");
  for (const p of w.puzzles) out.push(...answerLines(w, p));
  return `${out.join("\n").trimEnd()}\n`;
}

function puzzleLines(w: Worksheet, p: WorksheetPuzzle): string[] {
  const words = WORKSHEET_WORDS[w.lang];
  const tags = [
    words.kinds[p.kind],
    words.difficulty(p.difficulty),
    TOPIC_INFO[p.topic].title[w.lang],
    p.concepts.map((c) => conceptName(c, w.lang)).join(w.lang === "en" ? ", " : "、"),
  ];
  // The ladder needs only what happened; `final` is not drawn, and a worksheet never shows it.
  const trace: Trace = { segments: p.trace.segments, events: p.trace.events, final: { client: "CLOSED", server: "CLOSED" } };
  const ladder = renderLadder(trace, { width: WORKSHEET_LADDER_WIDTH, text: CATALOGUES[w.lang].ladder });
  const lines = [
    `## ${p.number}. ${p.title}`,
    "",
    `*${tags.join(" · ")}*`,
    "",
    p.intro,
    "",
    "```text",
    ...ladder.map((l) => l.trimEnd()),
    "```",
    "",
  ];
  if (p.next !== null) lines.push(words.next(p.next), "");
  lines.push(`**${p.prompt}**`, "");
  p.questions.forEach((q, i) => {
    if (p.questions.length > 1) lines.push(`${words.ladderPart(i + 1, p.questions.length)}`, "");
    lines.push(...choiceLines(q), "");
  });
  return lines;
}

function choiceLines(q: WorksheetQuestion): string[] {
  return q.choices.map((c) => `- ${c.letter}. ${c.text}`);
}

function answerLines(w: Worksheet, p: WorksheetPuzzle): string[] {
  const words = WORKSHEET_WORDS[w.lang];
  const lines: string[] = [];
  if (p.questions.length === 1) {
    const q = p.questions[0] as WorksheetQuestion;
    lines.push(`### ${p.number}. ${q.answer}: ${q.answerText}`, "");
  } else {
    lines.push(`### ${p.number}.`, "");
    p.questions.forEach((q, i) => lines.push(`${i + 1}. ${q.answer}: ${q.answerText}`));
    lines.push("");
  }
  lines.push(p.explain, "");
  const traps = new Map<string, string>();
  for (const q of p.questions) {
    for (const t of q.traps) {
      // A ladder offers the same idea on several segments: explain it once.
      const where = p.questions.length > 1 ? `${p.questions.indexOf(q) + 1}${t.letter}` : t.letter;
      if (![...traps.values()].includes(t.explain)) traps.set(where, t.explain);
    }
  }
  for (const [where, explain] of traps) lines.push(`- ${words.tempting(where)}${explain}`);
  if (traps.size > 0) lines.push("");
  lines.push(`${words.sources}: ${p.cite.join("; ")}`, "");
  return lines;
}
