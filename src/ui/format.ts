/** "★★☆": filled stars, then empty ones up to three. Always with a number beside it where it matters. */
export function starText(stars: number, max = 3): string {
  const n = Math.max(0, Math.min(max, stars));
  return "★".repeat(n) + "☆".repeat(max - n);
}

/** "[████░░░░░░]": a value out of a maximum, `width` cells between the brackets. */
export function progressBar(value: number, max: number, width: number): string {
  const filled = max <= 0 ? 0 : Math.round((Math.max(0, Math.min(value, max)) / max) * width);
  return `[${"█".repeat(filled)}${"░".repeat(width - filled)}]`;
}

/** A countdown as clocks show it, "4:05": whole seconds, rounded up, so that 0:00 is shown only once time is up. */
export function clockText(ms: number): string {
  const s = Math.ceil(Math.max(0, ms) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
