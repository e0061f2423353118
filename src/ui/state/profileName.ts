import { PROFILE_NAME } from "../../store/schema";

/**
 * Why a typed profile name cannot be used, for the player: the store's rule (PROFILE_NAME) decides, this only says
 * which part of it the name breaks. Pure.
 */
export type NameProblem =
  | { readonly kind: "empty" }
  | { readonly kind: "start" }
  | { readonly kind: "char"; readonly char: string }
  | { readonly kind: "tooLong"; readonly max: number }
  /** Not one of the above, yet not a valid name: the rule itself is shown. */
  | { readonly kind: "rule" }
  | { readonly kind: "exists"; readonly name: string };

/** The longest name PROFILE_NAME accepts, in characters (code points); test/ui/state/profileName.test.ts checks. */
export const PROFILE_NAME_MAX = 32;

/** The most characters the name field takes: a few past the limit, so that a name too long is said to be. */
export const NAME_FIELD_MAX = PROFILE_NAME_MAX + 8;

const FIRST = /^[\p{L}\p{N}]$/u;
const ANY = /^[\p{L}\p{N}_.-]$/u;

/** Undefined when `name` can be a new profile: valid, and not among `existing`. */
export function nameProblem(name: string, existing: readonly string[]): NameProblem | undefined {
  if (PROFILE_NAME.test(name)) return existing.includes(name) ? { kind: "exists", name } : undefined;
  const chars = [...name];
  const first = chars[0];
  if (first === undefined) return { kind: "empty" };
  if (!FIRST.test(first)) return { kind: "start" };
  const bad = chars.find((c) => !ANY.test(c));
  if (bad !== undefined) return { kind: "char", char: bad };
  if (chars.length > PROFILE_NAME_MAX) return { kind: "tooLong", max: PROFILE_NAME_MAX };
  return { kind: "rule" };
}
