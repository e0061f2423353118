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
