import type { LoadedChapter, LoadedLevel } from "../../levels/loader";
import { FRAME_ROWS, Frame } from "../components/Frame";
import { Lines } from "../components/Lines";
import type { Catalogue, Lang } from "../i18n";
import { clampLines } from "../layout";
import type { Theme } from "../theme";
import { wrap } from "../text";

export interface IntroScreenProps {
  readonly chapter: LoadedChapter;
  readonly level: LoadedLevel;
  readonly lang: Lang;
  readonly t: Catalogue;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

/** The introduction's body: difficulty, number of questions, the text (cut to the frame). */
export function introBody({ level, lang, t, width, height }: Omit<IntroScreenProps, "chapter" | "theme">): string[] {
  const questions = level.puzzles.reduce((n, p) => n + p.questions.length, 0);
  const facts = `${t.intro.difficulty(level.level.difficulty)} · ${t.intro.questions(questions)}`;
  return clampLines([facts, "", ...wrap(level.level.intro[lang], width)], height - FRAME_ROWS, width);
}

/** A level's title and introduction, before its first question. */
export function IntroScreen(props: IntroScreenProps) {
  const { chapter, level, lang, t, theme, width } = props;
  return (
    <Frame
      title={`${chapter.title[lang]} › ${level.level.title[lang]}`}
      hints={["advance", "help", "back"]}
      t={t}
      theme={theme}
      width={width}
    >
      <Lines lines={introBody(props)} />
    </Frame>
  );
}
