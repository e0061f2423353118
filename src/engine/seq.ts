/**
 * 32-bit sequence-number arithmetic (RFC 9293 §3.4): numbers wrap at 2^32 and are compared by their signed
 * distance, so 0x00000005 is "after" 0xfffffffb. Every comparison of sequence numbers goes through here.
 */
export const SEQ_MODULUS = 2 ** 32;

export function seqAdd(a: number, n: number): number {
  return (a + n) >>> 0;
}

/** Signed distance a - b in sequence space. */
export function seqDiff(a: number, b: number): number {
  return (a - b) | 0;
}

export function seqLt(a: number, b: number): boolean {
  return seqDiff(a, b) < 0;
}

export function seqLe(a: number, b: number): boolean {
  return seqDiff(a, b) <= 0;
}

export function seqGt(a: number, b: number): boolean {
  return seqDiff(a, b) > 0;
}

export function seqGe(a: number, b: number): boolean {
  return seqDiff(a, b) >= 0;
}

/** lo <= x < lo + size, in sequence space. */
export function seqInWindow(x: number, lo: number, size: number): boolean {
  const d = seqDiff(x, lo);
  return d >= 0 && d < size;
}
