/**
 * Player names in a live round: what a student types after `--name`, shown on the projector and written into their
 * result file. Any script is welcome; what is refused is what would garble a line on the projector or in a terminal.
 */

/** At most this many UTF-16 code units: the result file's limit (src/store/challengeResult.ts, PLAYER_NAME). */
export const LIVE_NAME_MAX = 24;

/**
 * Control characters (a newline, an escape sequence), line and paragraph separators, and the bidirectional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that would reorder the rest of a leaderboard line.
 */
const FORBIDDEN = /[\p{Cc}\p{Zl}\p{Zp}\u202A-\u202E\u2066-\u2069]/u;

/**
 * The name as the room keeps it: NFC, trimmed, runs of spaces made one; undefined when it is empty, longer than
 * LIVE_NAME_MAX or holds a forbidden character. Suitable for PLAYER_NAME of the result file as it is.
 */
export function liveName(text: string): string | undefined {
  if (FORBIDDEN.test(text)) return undefined;
  const name = text.normalize("NFC").trim().replace(/\s+/gu, " ");
  if (name.length < 1 || name.length > LIVE_NAME_MAX) return undefined;
  return name;
}

/** Names that differ only in case (or Unicode normalization) are the same player: "ann" would rejoin as "Ann". */
export function nameKey(name: string): string {
  return name.normalize("NFC").toLowerCase();
}

/**
 * `name` if no player has it yet, else "name 2", "name 3"…: the first free one, the name cut (at a whole character)
 * to leave room for the number within LIVE_NAME_MAX.
 */
export function uniqueName(name: string, taken: (key: string) => boolean): string {
  if (!taken(nameKey(name))) return name;
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    let base = "";
    for (const ch of name) {
      if (base.length + ch.length + suffix.length > LIVE_NAME_MAX) break;
      base += ch;
    }
    const candidate = `${base.trimEnd()}${suffix}`;
    if (!taken(nameKey(candidate))) return candidate;
  }
}
