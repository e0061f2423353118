/**
 * Profile names: what a student types in a lab; letters of any script, digits, and `_ . -`, up to 32. Kept apart
 * from the schema (and zod) so that the command line can check a name without loading either.
 */
export const PROFILE_NAME = /^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,31}$/u;
export const PROFILE_NAME_RULE = "a profile name is 1 to 32 letters, digits, _ . or -, starting with a letter or digit";
export const DEFAULT_PROFILE = "default";
