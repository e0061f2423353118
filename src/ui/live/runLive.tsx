import { render } from "ink";
import { HostApp, type HostAppProps, JoinApp, type JoinAppProps } from "./LiveApps";

export type { LiveHost, LiveJoin, ResultsOutcome } from "./LiveApps";

interface Terminal {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

/** As the game's runGame: Ink draws every frame at once (see runGame.tsx), and Ctrl+C is the app's key. */
const INK = { exitOnCtrlC: false, patchConsole: true, maxFps: 1000 } as const;

/** The host's screen until the host quits. */
export async function runHost(options: HostAppProps & Terminal): Promise<void> {
  const { stdin, stdout, stderr, ...props } = options;
  await render(<HostApp {...props} />, { stdin, stdout, stderr, ...INK }).waitUntilExit();
}

/** A student's screen until they quit. */
export async function runJoin(options: JoinAppProps & Terminal): Promise<void> {
  const { stdin, stdout, stderr, ...props } = options;
  await render(<JoinApp {...props} />, { stdin, stdout, stderr, ...INK }).waitUntilExit();
}
