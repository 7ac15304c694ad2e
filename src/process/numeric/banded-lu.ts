// Banded LU factorisation with partial pivoting and the matching solve: LAPACK dgbtf2 / dgbtrs ('N')
// semantics on column-major band storage. O(n·kl·(kl+ku)) time, no allocation.
//
// Band storage (LAPACK AB, ldab >= 2·kl + ku + 1): element A[i][j] lives at ab[j·ldab + kl + ku + i - j]
// for max(0, j - ku) <= i <= min(n - 1, j + kl). Rows 0..kl-1 of each column are workspace for the fill-in
// that row interchanges create and must be zero on entry.

/** Band layout of an n×n matrix with kl sub- and ku super-diagonals. */
export interface BandLayout {
  readonly n: number;
  readonly kl: number;
  readonly ku: number;
  /** Leading dimension: 2·kl + ku + 1. */
  readonly ldab: number;
}

/** The layout (and the storage size n·ldab) for an n×n band matrix. */
export function bandLayout(n: number, kl: number, ku: number): BandLayout {
  return { n, kl, ku, ldab: 2 * kl + ku + 1 };
}

/**
 * Factor A = P·L·U in place (dgbtf2). Returns 0, or the 1-based column of the first exactly-zero pivot
 * (the factorisation is then complete but U is singular and must not be used to solve).
 */
export function bandedFactor(layout: BandLayout, ab: Float64Array, ipiv: Int32Array): number {
  const { n, kl, ku, ldab } = layout;
  const kv = ku + kl;
  let info = 0;
  let ju = 0;
  for (let j = 0; j < n; j++) {
    const km = Math.min(kl, n - 1 - j);
    const base = j * ldab + kv;
    let jp = 0;
    let max = Math.abs(ab[base]!);
    for (let i = 1; i <= km; i++) {
      const a = Math.abs(ab[base + i]!);
      if (a > max) {
        max = a;
        jp = i;
      }
    }
    ipiv[j] = j + jp;
    if (ab[base + jp] === 0) {
      if (info === 0) info = j + 1;
      continue;
    }
    ju = Math.max(ju, Math.min(j + ku + jp, n - 1));
    if (jp !== 0) {
      for (let c = j; c <= ju; c++) {
        const top = c * ldab + kv + j - c;
        const tmp = ab[top]!;
        ab[top] = ab[top + jp]!;
        ab[top + jp] = tmp;
      }
    }
    if (km > 0) {
      const reciprocal = 1 / ab[base]!;
      for (let i = 1; i <= km; i++) ab[base + i] = ab[base + i]! * reciprocal;
      for (let c = j + 1; c <= ju; c++) {
        const row = c * ldab + kv + j - c;
        const t = ab[row]!;
        if (t === 0) continue;
        for (let i = 1; i <= km; i++) ab[row + i] = ab[row + i]! - ab[base + i]! * t;
      }
    }
  }
  return info;
}

/** Solve A·x = b in place with the factors of `bandedFactor` (dgbtrs, no transpose). */
export function bandedSolve(layout: BandLayout, ab: Float64Array, ipiv: Int32Array, b: Float64Array): void {
  const { n, kl, ku, ldab } = layout;
  const kv = ku + kl;
  for (let j = 0; j < n - 1; j++) {
    const lm = Math.min(kl, n - 1 - j);
    const l = ipiv[j]!;
    if (l !== j) {
      const tmp = b[l]!;
      b[l] = b[j]!;
      b[j] = tmp;
    }
    const bj = b[j]!;
    if (bj === 0) continue;
    const base = j * ldab + kv;
    for (let i = 1; i <= lm; i++) b[j + i] = b[j + i]! - ab[base + i]! * bj;
  }
  for (let j = n - 1; j >= 0; j--) {
    if (b[j] === 0) continue;
    const base = j * ldab + kv;
    const x = b[j]! / ab[base]!;
    b[j] = x;
    const first = Math.max(0, j - kv);
    for (let i = j - 1; i >= first; i--) b[i] = b[i]! - x * ab[base + i - j]!;
  }
}
