import { Frame } from "../components/Frame";
import { Lines } from "../components/Lines";
import type { Catalogue } from "../i18n";
import type { Theme } from "../theme";
import { wrap } from "../text";

/** The menu's challenge: how a classroom challenge is made, played and ranked (all from the command line). */
export function ChallengeInfoScreen(props: {
  readonly t: Catalogue;
  readonly theme: Theme;
  readonly width: number;
}) {
  const { t, theme, width } = props;
  const lines = t.challenge.howTo.flatMap((paragraph, i) => [...(i > 0 ? [""] : []), ...wrap(paragraph, width)]);
  return (
    <Frame title={t.menu.challenge} hints={["back"]} t={t} theme={theme} width={width}>
      <Lines lines={lines} />
    </Frame>
  );
}
