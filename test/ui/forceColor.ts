// Imported first by a test file that checks colours: chalk (through Ink) reads FORCE_COLOR once, as it loads,
// and vitest's output is no terminal, so without this every colour would be off anyway.
const before = process.env.FORCE_COLOR;
process.env.FORCE_COLOR = "1";

/** Puts FORCE_COLOR back as it was, for whatever runs after in this process. */
export function restoreColorEnv(): void {
  if (before === undefined) delete process.env.FORCE_COLOR;
  else process.env.FORCE_COLOR = before;
}
