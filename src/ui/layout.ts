import { cut, padEnd, widthOf } from "./text";

/** Sizes, and fitting blocks of lines into them: pure, so that every frame's height is known before drawing. */

/** Below this the game says so instead of drawing. */
export const MIN_COLUMNS = 60;
export const MIN_ROWS = 20;
/** Text lines are at most this wide on wide terminals; the ladder at most LADDER_WIDTH. */
export const MAX_TEXT_WIDTH = 100;
export const LADDER_WIDTH = 80;

export interface Size {
  readonly columns: number;
  readonly rows: number;
}

export function isTooSmall(size: Size): boolean {
  return size.columns < MIN_COLUMNS || size.rows < MIN_ROWS;
}

/**
 * The frame a screen draws in: as wide as the terminal (at most MAX_TEXT_WIDTH), one row shorter than it. Ink
 * redraws a frame as tall as the terminal by clearing the whole screen, which flickers, so frames stay shorter.
 */
export function frameOf(size: Size): { readonly width: number; readonly height: number } {
  return { width: Math.min(size.columns, MAX_TEXT_WIDTH), height: size.rows - 1 };
}

/** At most `rows` lines: a longer block is cut, its last kept line ending in "…". */
export function clampLines(lines: readonly string[], rows: number, width: number): string[] {
  if (lines.length <= rows) return [...lines];
  if (rows <= 0) return [];
  const kept = lines.slice(0, rows);
  const last = kept[rows - 1] as string;
  kept[rows - 1] = widthOf(last) + 1 <= width ? `${last}…` : cut(`${last}…`, width);
  return kept;
}

/**
 * The tail of a ladder in `rows` lines: its header (the side names), a line saying how many lines are left out,
 * and the latest lines, where the play is. Fewer than three rows show nothing.
 */
export function ladderTail(lines: readonly string[], rows: number, earlier: (n: number) => string): string[] {
  if (lines.length <= rows) return [...lines];
  if (rows < 3) return [];
  const tail = lines.slice(lines.length - (rows - 2));
  return [lines[0] as string, earlier(lines.length - tail.length - 1), ...tail];
}

/** "left ··· right" on one line of `width` columns; the left part is cut when both do not fit. */
export function spread(left: string, right: string, width: number): string {
  const room = width - widthOf(right) - 2;
  if (room < 1) return cut(left, width);
  return `${padEnd(cut(left, room), room)}  ${right}`;
}
