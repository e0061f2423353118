import { Frame } from "../components/Frame";
import { Lines } from "../components/Lines";
import type { Catalogue } from "../i18n";
import type { Feature } from "../state/app";
import type { Theme } from "../theme";
import { wrap } from "../text";

/** The challenge: one line saying a later version brings it. */
export function SoonScreen(props: {
  readonly feature: Feature;
  readonly t: Catalogue;
  readonly theme: Theme;
  readonly width: number;
}) {
  const { feature, t, theme, width } = props;
  return (
    <Frame title={t.menu[feature]} hints={["back"]} t={t} theme={theme} width={width}>
      <Lines lines={wrap(t.comingSoon(t.menu[feature]), width)} />
    </Frame>
  );
}
