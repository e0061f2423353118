/**
 * Stand in for two values string-width (8.x) makes when it loads, which the build puts in its place
 * (src/build/build.ts): its Intl.Segmenter and its RGI emoji regex. Made at load, they cost some 60 ms of every
 * start that loads the UI's text code (creating /^\p{RGI_Emoji}$/v builds every emoji sequence Unicode knows), and
 * the regex as much again the first time it runs. Here the segmenter is made when first used, and the regex only
 * for a piece of text that could be an emoji at all: the UI's arrows, dots, dashes and box lines never are.
 */

let segmenter: Intl.Segmenter | undefined;

/** `new Intl.Segmenter()`, made the first time a text is segmented. */
export const lazySegmenter = {
  segment: (text: string): Intl.Segments => (segmenter ??= new Intl.Segmenter()).segment(text),
};

/**
 * Every string of \p{RGI_Emoji} holds a code point with the Emoji property other than # * 0-9, or U+FE0F (emoji
 * presentation), or U+20E3 (keycap): its basic emoji are Emoji_Presentation code points or end in FE0F, keycaps end
 * in 20E3, flags are regional indicators, tag sequences start with U+1F3F4, modifier and ZWJ sequences hold emoji.
 * What matches none of these cannot be an RGI emoji (test/bench/stringWidthLazy.test.ts tries every code point).
 */
export const MAY_BE_RGI_EMOJI = /[\u20E3\uFE0F]|(?![#*0-9])\p{Emoji}/u;

let rgiEmoji: RegExp | undefined;

/** `/^\p{RGI_Emoji}$/v`, made the first time a text might be one. */
export const lazyRgiEmoji = {
  test: (text: string): boolean => MAY_BE_RGI_EMOJI.test(text) && (rgiEmoji ??= new RegExp("^\\p{RGI_Emoji}$", "v")).test(text),
};
