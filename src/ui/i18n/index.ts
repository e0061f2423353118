import type { Lang } from "../../game";
import type { Catalogue } from "./catalogue";
import { en } from "./en";
import { zhCN } from "./zh-CN";

export type { Catalogue, Lang };

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { en, "zh-CN": zhCN };

/** The languages in the order the settings screen offers them. */
export const LANGS: readonly Lang[] = ["en", "zh-CN"];

/**
 * The player's language from the locale: the first of LC_ALL, LC_MESSAGES and LANG that is set (POSIX order);
 * Chinese (zh, zh_CN.UTF-8, zh_TW…) gives Simplified Chinese, anything else English.
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== "");
  return locale?.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}
