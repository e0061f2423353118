import { render } from "ink";
import { App, type AppProps } from "./app";

export interface GameOptions extends AppProps {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

/**
 * Ink draws at most this many frames a second. Its default, 30, holds back a frame that comes less than 33 ms after
 * the one before: keys typed fast (10 ms apart) each waited about 20 ms for their frame. At 1000 a key's frame is
 * drawn as soon as React has it, which takes a few milliseconds (`npm run bench`: key → frame).
 */
const MAX_FPS = 1000;

/**
 * Runs the game until the player quits, then resolves. The CLI loads this module with a dynamic import(), after
 * it has checked for a terminal and set the colour environment, so that Ink and React load only to play.
 * Ink puts the terminal in raw mode and hides the cursor; unmounting (quit, Ctrl+C) gives both back.
 */
export async function runGame(options: GameOptions): Promise<void> {
  const { stdin, stdout, stderr, ...props } = options;
  const instance = render(<App {...props} />, {
    stdin,
    stdout,
    stderr,
    exitOnCtrlC: false,
    patchConsole: true,
    maxFps: MAX_FPS,
  });
  await instance.waitUntilExit();
}
