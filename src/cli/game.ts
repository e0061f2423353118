import type { GameSetup } from "../ui/session";

/** What the CLI hands the game once it has a terminal, a pack, the save and the player's settings. */
export type PlayOptions = GameSetup;

export type Env = Record<string, string | undefined>;

/** NO_COLOR (https://no-color.org): set to anything but the empty string, it turns colour off. */
export function noColorRequested(env: Readonly<Env>): boolean {
  const v = env.NO_COLOR;
  return v !== undefined && v !== "";
}

/**
 * Prepares the environment the UI libraries read when they load, then loads the UI and plays. Both must happen in
 * this order, which is why the UI is loaded with a dynamic import() (the CLI never imports Ink or React itself):
 *
 * - Colour off: FORCE_COLOR=0, which Ink's colour library (chalk) reads once, when it is first imported.
 * - Ink draws nothing until exit when it believes it runs in CI (CI or CONTINUOUS_INTEGRATION set); the caller has
 *   checked that stdin and stdout are a terminal, so a person is watching: say so.
 */
export async function startGame(
  options: PlayOptions,
  env: Env,
  load: () => Promise<{ readonly play: (options: PlayOptions) => Promise<void> }>,
): Promise<void> {
  const ui = await loadUi(options.color, env, load);
  await ui.play(options);
}

/** Sets the environment the UI libraries read as they load (above), then loads the UI: the game's or a live round's. */
export async function loadUi<T>(color: boolean, env: Env, load: () => Promise<T>): Promise<T> {
  if (!color) env.FORCE_COLOR = "0";
  markInteractive(env);
  return load();
}

/**
 * A person is watching this terminal, whatever CI says: Ink (is-in-ci, read when Ink loads) would otherwise draw
 * nothing until exit. The component tests call this too, before they load Ink, so they see what players see.
 */
export function markInteractive(env: Env): void {
  // is-in-ci: CI, CONTINUOUS_INTEGRATION or any CI_* variable means CI, unless CI is "0".
  env.CI = "0";
}
