// The banded LU with partial pivoting against a dense solve, and the ALS baseline edge cases.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baselineAls } from '../../src/process/functions/baseline-als.js';
import { alsBaseline } from '../../src/process/numeric/als.js';
import { bandedFactor, bandedSolve, bandLayout } from '../../src/process/numeric/banded-lu.js';
import { MetricCrash } from '../../src/process/status.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

function denseSolve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k] = m[r]![k]! - f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}

describe('banded LU with partial pivoting', () => {
  for (const [n, kl, ku] of [
    [1, 2, 2],
    [5, 2, 2],
    [12, 2, 2],
    [9, 1, 3],
  ] as const) {
    it(`solves random non-symmetric ${n}x${n} systems with kl=${kl}, ku=${ku} like a dense solve`, () => {
      const random = rng(n * 31 + kl);
      const layout = bandLayout(n, kl, ku);
      const dense = Array.from({ length: n }, () => new Array<number>(n).fill(0));
      const ab = new Float64Array(n * layout.ldab);
      for (let j = 0; j < n; j++) {
        for (let i = Math.max(0, j - ku); i <= Math.min(n - 1, j + kl); i++) {
          const v = random();
          dense[i]![j] = v;
          ab[j * layout.ldab + kl + ku + i - j] = v;
        }
      }
      const b = Array.from({ length: n }, () => random());
      const x = Float64Array.from(b);
      const ipiv = new Int32Array(n);
      assert.equal(bandedFactor(layout, ab, ipiv), 0);
      bandedSolve(layout, ab, ipiv, x);
      const want = denseSolve(dense, b);
      for (let i = 0; i < n; i++)
        assert.ok(Math.abs(x[i]! - want[i]!) < 1e-9 * (1 + Math.abs(want[i]!)), `x[${i}]`);
    });
  }

  it('pivots when a diagonal element is zero', () => {
    const layout = bandLayout(2, 1, 1);
    const ab = new Float64Array(2 * layout.ldab);
    // A = [[0, 1], [1, 1]]
    ab[0 * layout.ldab + 2] = 0;
    ab[0 * layout.ldab + 3] = 1;
    ab[1 * layout.ldab + 1] = 1;
    ab[1 * layout.ldab + 2] = 1;
    const x = Float64Array.from([2, 3]);
    const ipiv = new Int32Array(2);
    assert.equal(bandedFactor(layout, ab, ipiv), 0);
    bandedSolve(layout, ab, ipiv, x);
    assert.deepEqual([...x], [1, 2]);
  });

  it('reports an exactly singular matrix by the 1-based column of the zero pivot', () => {
    const layout = bandLayout(2, 1, 1);
    const ab = new Float64Array(2 * layout.ldab);
    assert.equal(bandedFactor(layout, ab, new Int32Array(2)), 1);
  });
});

describe('ALS baseline', () => {
  it('returns a constant series unchanged (a line has no second difference)', () => {
    const z = alsBaseline(new Float64Array([3, 3, 3, 3, 3]), 1000, 0.001, 10);
    for (const v of z) assert.ok(Math.abs(v - 3) < 1e-9);
  });

  it('solves the 3-sample system (rank-one penalty) without failing', () => {
    const z = alsBaseline(new Float64Array([1, 2, 4]), 1, 0.5, 1);
    assert.ok(z.every(Number.isFinite));
  });

  it('raises MetricCrash for fewer than 3 samples, as the original', () => {
    assert.throws(() => alsBaseline(new Float64Array([1, 2]), 1000, 0.001, 10), MetricCrash);
    const table = {
      index: new Float64Array([0, 60, 120]),
      columns: new Map([['y', new Float64Array([1, Number.NaN, 2])]]),
    };
    assert.throws(
      () => baselineAls(table, { name: 'y' }, { calibrations: {} }),
      (e: unknown) => e instanceof MetricCrash && /at least 3 samples, got 2/.test(e.message),
    );
  });

  it('keeps NaN rows of the input NaN and fills the others', () => {
    const y = new Float64Array([1, Number.NaN, 2, 5, 3, Number.NaN]);
    const result = baselineAls(
      { index: new Float64Array(6), columns: new Map([['y', y]]) },
      { name: 'y' },
      { calibrations: {} },
    );
    assert.equal(result.status, 'SUCCESS');
    assert.deepEqual([...result.values!].map(Number.isNaN), [false, true, false, false, false, true]);
  });
});
