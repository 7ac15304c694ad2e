// Deterministic, allocation-free hashing of small integer tuples: the whole simulated world (devices,
// readings, faults) is a pure function of its seeds, so nothing random is ever stored.

function mix32(input: number): number {
  let x = input >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

const HIGH_ZERO = mix32(0x85ebca6b);

function step(h: number, part: number): number {
  // Fold in both 32-bit halves so epoch milliseconds and large seeds keep their entropy.
  const high = part >= 0 && part < 4294967296 ? HIGH_ZERO : mix32(Math.floor(part / 4294967296) + 0x85ebca6b);
  return mix32(h ^ mix32((part >>> 0) + 0x9e3779b9) ^ high);
}

/** An unsigned 32-bit hash of up to five integers. */
export function hash(a: number, b = 0, c = 0, d = 0, e = 0): number {
  return step(step(step(step(step(0x811c9dc5, a), b), c), d), e);
}

/** A number in [0, 1) derived from up to five integers. */
export function unit(a: number, b = 0, c = 0, d = 0, e = 0): number {
  return hash(a, b, c, d, e) / 4294967296;
}

/** Lower-case hex digits derived from integers (any length). */
export function hexOf(length: number, a: number, b = 0, c = 0): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += hash(a, b, c, i, 0x4e58).toString(16).padStart(8, '0');
  return out.slice(0, length);
}

/** A version-4-shaped UUID derived from integers. */
export function uuidOf(a: number, b = 0, c = 0): string {
  const h = hexOf(32, a, b, c);
  const variant = '89ab'[Number.parseInt(h[16] ?? '0', 16) % 4];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
