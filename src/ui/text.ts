import stringWidth from "string-width";

/**
 * Text measured as the terminal draws it: a CJK character takes two columns, so `String.length` would misalign
 * Chinese. Every padding, cutting and wrapping of text shown to players goes through here.
 */

/**
 * Characters one column wide each, as string-width measures them: printable ASCII and the drawing characters the
 * game uses (box drawing, arrows, ✓ ✗ ❯ … ⋮ · ★ ☆ █ ░). Text made of them only is measured by its length, which is
 * much faster; anything else (CJK, emoji, combining marks) goes through string-width.
 */
const NARROW =
  /^[\x20-\x7e\u00b7\u00d7\u2026\u2190-\u21ff\u22ee\u2500-\u257f\u2588\u2591\u25b6\u25c0\u2605\u2606\u2713\u2717\u276f]*$/;

/** Columns the text takes in a terminal. */
export function widthOf(text: string): number {
  return NARROW.test(text) ? text.length : stringWidth(text);
}

export function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - widthOf(text)));
}

export function padStart(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - widthOf(text))) + text;
}

/** Centred in `width` columns (the extra column, if any, on the right). */
export function center(text: string, width: number): string {
  const left = Math.floor((width - widthOf(text)) / 2);
  return padEnd(" ".repeat(Math.max(0, left)) + text, width);
}

/** At most `width` columns; a text cut short ends with "…". */
export function cut(text: string, width: number): string {
  if (widthOf(text) <= width) return text;
  if (width <= 0) return "";
  let out = "";
  let used = 0;
  for (const ch of text) {
    const w = widthOf(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

/** CJK characters and CJK punctuation (fullwidth forms included): a line may break before or after any of them. */
const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;
/** Punctuation that must not start a line: it stays with the character before it. */
const NO_LINE_START = /^[，。、；：？！）」』》〉】,.;:?!)\]]$/u;

/**
 * Breaks text into lines of at most `width` columns: between words, and between any two CJK characters (Chinese
 * puts no spaces between words). A word longer than a line is cut across lines. Newlines in the text are kept.
 */
export function wrap(text: string, width: number): string[] {
  const w = Math.max(1, width);
  return text.split("\n").flatMap((paragraph) => wrapParagraph(paragraph, w));
}

function wrapParagraph(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  let used = 0;
  let pendingSpace = false;
  const push = (token: string) => {
    const sep = pendingSpace && line !== "" ? 1 : 0;
    const w = widthOf(token);
    pendingSpace = false;
    if (used + sep + w <= width) {
      line += sep ? ` ${token}` : token;
      used += sep + w;
      return;
    }
    if (line !== "") lines.push(line);
    line = token;
    used = w;
    // A token wider than the line: cut it into pieces that fit.
    while (used > width) {
      let piece = "";
      let pieceWidth = 0;
      for (const ch of line) {
        const cw = widthOf(ch);
        if (pieceWidth + cw > width) break;
        piece += ch;
        pieceWidth += cw;
      }
      lines.push(piece);
      line = line.slice(piece.length);
      used = widthOf(line);
    }
  };
  for (const token of tokens(text)) {
    if (token === " ") pendingSpace = true;
    else push(token);
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines;
}

/** Words, single CJK characters (with the punctuation that follows them), and " " for each run of spaces. */
function tokens(text: string): string[] {
  const out: string[] = [];
  let word = "";
  const flush = () => {
    if (word !== "") out.push(word);
    word = "";
  };
  for (const ch of text) {
    if (/\s/u.test(ch)) {
      flush();
      if (out.at(-1) !== " ") out.push(" ");
    } else if (NO_LINE_START.test(ch) && (word !== "" || (out.length > 0 && out.at(-1) !== " "))) {
      if (word !== "") word += ch;
      else out[out.length - 1] += ch;
    } else if (CJK.test(ch)) {
      flush();
      out.push(ch);
    } else {
      word += ch;
    }
  }
  flush();
  return out;
}
