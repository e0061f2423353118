/**
 * Imported first by every test that renders Ink: the environment the game sets up before it loads Ink
 * (src/cli/game.ts), so that a CI run renders frames exactly as a player's terminal does.
 */
import { markInteractive } from "../../src/cli/game";

markInteractive(process.env);
