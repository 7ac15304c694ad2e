// Column comparison with the vectors README tolerances: exact NaN pattern, |a - e| <= atol + rtol·|e|.
import assert from 'node:assert/strict';

export interface Tolerance {
  readonly atol: number;
  readonly rtol: number;
}

export const DEFAULT_TOLERANCE: Tolerance = { atol: 1e-9, rtol: 1e-9 };

/** Largest |actual - expected| over rows where both are numbers. */
export function maxAbsDiff(actual: Float64Array, expected: Float64Array): number {
  let max = 0;
  for (let i = 0; i < expected.length; i++) {
    const d = Math.abs(actual[i]! - expected[i]!);
    if (d > max) max = d;
  }
  return max;
}

/** Assert the NaN pattern is identical and every value is within tolerance. */
export function assertColumnClose(
  actual: Float64Array | undefined,
  expected: Float64Array,
  label: string,
  tolerance: Tolerance = DEFAULT_TOLERANCE,
): void {
  assert.ok(actual, `${label}: column missing`);
  assert.equal(actual.length, expected.length, `${label}: length`);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const a: number = actual[i]!;
    if (Number.isNaN(e) || Number.isNaN(a)) {
      assert.equal(
        Number.isNaN(a),
        Number.isNaN(e),
        `${label}: NaN pattern differs at row ${i} (got ${a}, want ${e})`,
      );
      continue;
    }
    const limit = tolerance.atol + tolerance.rtol * Math.abs(e);
    assert.ok(
      Math.abs(a - e) <= limit,
      `${label}: row ${i}: got ${a}, want ${e} (|diff| ${Math.abs(a - e)} > ${limit})`,
    );
  }
}
