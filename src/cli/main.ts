import { readFile } from "node:fs/promises";
import { text } from "node:stream/consumers";
import { type Io, run } from "./run";

/** The program: wires the real process to `run`, the only code that does. */
const io: Io = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  readFile: (path) => readFile(path, "utf8"),
  readStdin: () => text(process.stdin),
  ...(process.stdout.isTTY ? { columns: process.stdout.columns } : {}),
};

// A reader that stops early (`tcp-tutor trace x | head`) is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") throw e;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await run(process.argv.slice(2), io);
