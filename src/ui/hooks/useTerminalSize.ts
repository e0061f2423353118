import { useStdout } from "ink";
import { useEffect, useState } from "react";
import type { Size } from "../layout";

/** A terminal that does not say its size is taken to be 80×24. */
const FALLBACK: Size = { columns: 80, rows: 24 };

function sizeOf(stdout: NodeJS.WriteStream): Size {
  return { columns: stdout.columns || FALLBACK.columns, rows: stdout.rows || FALLBACK.rows };
}

/** The terminal's size, updated when it is resized, so that every frame is laid out for the current size. */
export function useTerminalSize(): Size {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => sizeOf(stdout));
  useEffect(() => {
    const onResize = () => setSize(sizeOf(stdout));
    stdout.on("resize", onResize);
    return () => {
      stdout.off("resize", onResize);
    };
  }, [stdout]);
  return size;
}
