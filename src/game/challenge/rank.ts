/**
 * The scoreboard's order: score, highest first; then time, fastest first. Equal score and equal time share a place
 * ("1, 1, 3"), so that a tie is never decided by the order the files were read in; names only order the lines.
 */
export interface Ranked<T> {
  readonly place: number;
  readonly entry: T;
}

export function rankResults<T extends { readonly name: string; readonly score: number; readonly ms: number }>(
  entries: readonly T[],
): Ranked<T>[] {
  const sorted = [...entries].sort((a, b) => b.score - a.score || a.ms - b.ms || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return sorted.map((entry, i) => {
    const first = sorted.findIndex((e) => e.score === entry.score && e.ms === entry.ms);
    return { place: (first === -1 ? i : first) + 1, entry };
  });
}

/** For each question of the round, the share of results that answered it right (0 to 1), for the teacher. */
export function accuracyPerQuestion(results: readonly { readonly questions: readonly string[] }[]): number[] {
  const n = Math.max(0, ...results.map((r) => r.questions.length));
  return Array.from({ length: n }, (_, q) =>
    results.length === 0 ? 0 : results.filter((r) => r.questions[q] === "right").length / results.length,
  );
}
