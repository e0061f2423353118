import "../asInTerminal";
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { ChoiceList } from "../../../src/ui/components/ChoiceList";
import { themeFor } from "../../../src/ui/theme";

const items = [{ label: "ESTABLISHED" }, { label: "LISTEN" }, { label: "SYN_SENT" }];
const theme = themeFor(false);
const list = (cursor: number) => <ChoiceList items={items} cursor={cursor} numbered theme={theme} width={40} />;

describe("ChoiceList: ink-select-input, controlled by the app's cursor", () => {
  it("draws the pointer at the cursor it is given, numbered for the digit keys", () => {
    const { lastFrame, rerender } = render(list(2));
    expect(lastFrame()).toBe("  1. ESTABLISHED\n  2. LISTEN\n❯ 3. SYN_SENT");
    rerender(list(0));
    expect(lastFrame()).toBe("❯ 1. ESTABLISHED\n  2. LISTEN\n  3. SYN_SENT");
  });

  it("reads no keys itself: Down Down Enter in one chunk leaves it where the app put it", async () => {
    const { lastFrame, stdin } = render(list(0));
    stdin.write("\u001B[B\u001B[B\r");
    await new Promise((r) => setTimeout(r, 20));
    expect(lastFrame()).toBe("❯ 1. ESTABLISHED\n  2. LISTEN\n  3. SYN_SENT");
  });
});
