import { render } from "ink";
import { App, type AppProps } from "./app";

export interface GameOptions extends AppProps {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

/**
 * Runs the game until the player quits, then resolves. The CLI loads this module with a dynamic import(), after
 * it has checked for a terminal and set the colour environment, so that Ink and React load only to play.
 * Ink puts the terminal in raw mode and hides the cursor; unmounting (quit, Ctrl+C) gives both back.
 */
export async function runGame(options: GameOptions): Promise<void> {
  const { stdin, stdout, stderr, ...props } = options;
  const instance = render(<App {...props} />, { stdin, stdout, stderr, exitOnCtrlC: false, patchConsole: true });
  await instance.waitUntilExit();
}
