// Asymmetric least squares baseline (Eilers & Boelens 2005) on a dense sample vector, solved with the
// banded LU of banded-lu.ts on the pentadiagonal system (diag(w) + lam·DᵀD) z = w ∘ y.
import { MetricCrash } from '../status.js';
import { bandedFactor, bandedSolve, bandLayout } from './banded-lu.js';

/**
 * The ALS baseline z of `y` (no NaN): `niter` rounds of solve + reweighting (p above, 1 - p below, 0 on).
 * Throws MetricCrash where the original raises (fewer than 3 samples, niter < 1).
 */
export function alsBaseline(y: Float64Array, lam: number, p: number, niter: number): Float64Array {
  const n = y.length;
  if (n < 3) throw new MetricCrash(`baseline_als needs at least 3 samples, got ${n}`);
  if (!Number.isInteger(niter) || niter < 1)
    throw new MetricCrash(`baseline_als needs niter >= 1, got ${niter}`);
  const layout = bandLayout(n, 2, 2);
  const { ldab } = layout;
  const ab = new Float64Array(n * ldab);
  const ipiv = new Int32Array(n);
  const z = new Float64Array(n);
  const w = new Float64Array(n).fill(1);
  const [d0, d1, d2] = secondDifferenceGram(n, lam);
  for (let iter = 0; iter < niter; iter++) {
    // Column j of the band: rows kv-2..kv+2 (kv = 4) hold A[j-2..j+2][j]; rows 0..1 are fill-in workspace.
    ab.fill(0);
    for (let j = 0; j < n; j++) {
      const col = j * ldab;
      if (j >= 2) ab[col + 2] = d2[j - 2]!;
      if (j >= 1) ab[col + 3] = d1[j - 1]!;
      ab[col + 4] = w[j]! + d0[j]!;
      if (j + 1 < n) ab[col + 5] = d1[j]!;
      if (j + 2 < n) ab[col + 6] = d2[j]!;
      z[j] = w[j]! * y[j]!;
    }
    const info = bandedFactor(layout, ab, ipiv);
    if (info !== 0) {
      // Exactly singular: scipy's spsolve warns and returns NaN everywhere.
      z.fill(Number.NaN);
    } else {
      bandedSolve(layout, ab, ipiv, z);
    }
    for (let i = 0; i < n; i++) {
      const yi = y[i]!;
      const zi = z[i]!;
      w[i] = yi > zi ? p : yi < zi ? 1 - p : 0;
    }
  }
  return z;
}

/** The three distinct diagonals of lam·DᵀD for the (n-2)×n second-difference operator D (n >= 3). */
function secondDifferenceGram(n: number, lam: number): [Float64Array, Float64Array, Float64Array] {
  const d0 = new Float64Array(n);
  const d1 = new Float64Array(n);
  const d2 = new Float64Array(n);
  const last = n - 3; // rows k = 0..n-3 of D: e_k - 2 e_{k+1} + e_{k+2}
  for (let i = 0; i < n; i++) {
    const k0 = i <= last ? 1 : 0;
    const k1 = i - 1 >= 0 && i - 1 <= last ? 1 : 0;
    const k2 = i - 2 >= 0 && i - 2 <= last ? 1 : 0;
    d0[i] = lam * (k0 + 4 * k1 + k2);
    d1[i] = lam * (-2 * k0 - 2 * k1);
    d2[i] = lam * k0;
  }
  return [d0, d1, d2];
}
