import { is, type Key, pickedIndex } from "../keys";

/**
 * A list of choices (menu items, levels, answers) as a pure function of its cursor and one key. The cursor lives
 * in the app state, and every key is applied to the state left by the key before it: keys that arrive in one chunk
 * ("↓ ↓ Enter" typed fast) choose the item the player moved to, never one a stale cursor points at.
 */
export type ListOutcome =
  | { readonly kind: "moved"; readonly cursor: number }
  | { readonly kind: "chosen"; readonly index: number }
  /** The key means nothing to a list. */
  | { readonly kind: "none" };

/** ↑/k and ↓/j move (wrapping around), Enter chooses the highlighted item, 1–9 choose that item at once. */
export function listKey(cursor: number, count: number, key: Key): ListOutcome {
  if (count <= 0) return { kind: "none" };
  if (is(key, "up")) return { kind: "moved", cursor: (cursor - 1 + count) % count };
  if (is(key, "down")) return { kind: "moved", cursor: (cursor + 1) % count };
  if (is(key, "choose")) return { kind: "chosen", index: Math.min(Math.max(0, cursor), count - 1) };
  const picked = pickedIndex(key);
  if (picked !== undefined && picked < count) return { kind: "chosen", index: picked };
  return { kind: "none" };
}
