/** Small statistics and the table the benchmark prints. */

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  // Nearest rank: the p90 of 100 values is the 90th smallest.
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  return n % 2 === 1 ? (sorted[(n - 1) / 2] ?? Number.NaN) : ((sorted[n / 2 - 1] ?? 0) + (sorted[n / 2] ?? 0)) / 2;
};

export const thousands = (n: number): string => Math.round(n).toLocaleString("en-US");

export const ms = (n: number): string => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(1) : Math.round(n)} ms` : "-");

export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** Columns padded to their widest cell, a rule under the header; the cells of right-aligned columns end flush. */
export function table(rows: readonly (readonly string[])[], rightAligned: readonly boolean[]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? "")].length))) ?? [];
  const pad = (cell: string, c: number): string => {
    const gap = " ".repeat(Math.max(0, (widths[c] ?? 0) - [...cell].length));
    return rightAligned[c] ? gap + cell : cell + gap;
  };
  const fmt = (r: readonly string[]): string => r.map(pad).join("  ").trimEnd();
  const [head, ...body] = rows;
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [fmt(head ?? []), rule, ...body.map(fmt)].join("\n");
}


export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
