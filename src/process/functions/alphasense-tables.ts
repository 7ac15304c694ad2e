// Alphasense sensor families and AAN 803-04 temperature-compensation tables (scdata params.py).

/** Serial prefix -> family (the later ASB4 entries of 133 and 130 win, so ASA4_H2S/ASA4_NO are unreachable). */
export const ALPHASENSE_CODES: Readonly<Record<string, string>> = {
  '132': 'ASA4_CO',
  '212': 'ASA4_NO2',
  '214': 'ASA4_OX',
  '134': 'ASA4_SO2',
  '162': 'ASB4_CO',
  '202': 'ASB4_NO2',
  '204': 'ASB4_OX',
  '164': 'ASB4_SO2',
  '133': 'ASB4_H2S',
  '130': 'ASB4_NO',
};

/** Temperature axis of the tables, degC. */
export const T_AXIS: readonly number[] = [-30, -20, -10, 0, 10, 20, 30, 40, 50];

export type AlgorithmNumber = 1 | 2 | 3 | 4;

export interface Algorithm {
  readonly number: AlgorithmNumber;
  /** Table values at T_AXIS (n_t, k_t, kp_t or kpp_t). */
  readonly table: readonly number[];
}

/** Family -> [first algorithm, alternative algorithm]. */
export const FAMILY_ALGORITHMS: Readonly<Record<string, readonly [Algorithm, Algorithm]>> = {
  ASA4_CO: [
    { number: 1, table: [1.0, 1.0, 1.0, 1.0, -0.2, -0.9, -1.5, -1.5, -1.5] },
    { number: 4, table: [13, 12, 16, 11, 4, 0, -15, -18, -36] },
  ],
  ASB4_H2S: [
    { number: 1, table: [-0.6, -0.6, 0.1, 0.8, -0.7, -2.5, -2.5, -2.2, -1.8] },
    { number: 2, table: [0.2, 0.2, 0.0, -0.3, 0.3, 1.0, 1.0, 0.9, 0.7] },
  ],
  ASB4_NO: [
    { number: 2, table: [1.8, 1.8, 1.4, 1.1, 1.1, 1.0, 0.9, 0.9, 0.8] },
    { number: 3, table: [0.8, 0.8, 0.8, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3] },
  ],
  ASA4_NO2: [
    { number: 1, table: [0.8, 0.8, 1.0, 1.2, 1.6, 1.8, 1.9, 2.5, 3.6] },
    { number: 3, table: [0.2, 0.2, 0.2, 0.2, 0.7, 1.0, 1.3, 2.1, 3.5] },
  ],
  ASA4_OX: [
    { number: 3, table: [0.1, 0.1, 0.2, 0.3, 0.7, 1.0, 1.7, 3.0, 4.0] },
    { number: 1, table: [1.0, 1.2, 1.2, 1.6, 1.7, 2.0, 2.1, 3.4, 4.6] },
  ],
  ASA4_SO2: [
    { number: 4, table: [0, 0, 0, 0, 0, 0, 5, 25, 45] },
    { number: 1, table: [1.3, 1.3, 1.3, 1.2, 0.9, 0.4, 0.4, 0.4, 0.4] },
  ],
  ASB4_CO: [
    { number: 1, table: [0.7, 0.7, 0.7, 0.7, 1.0, 3.0, 3.5, 4.0, 4.5] },
    { number: 2, table: [0.2, 0.2, 0.2, 0.2, 0.3, 1.0, 1.2, 1.3, 1.5] },
  ],
  ASB4_NO2: [
    { number: 1, table: [1.3, 1.3, 1.3, 1.3, 1.0, 0.6, 0.4, 0.2, -1.5] },
    { number: 3, table: [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.4, -0.1, -4.0] },
  ],
  ASB4_OX: [
    { number: 1, table: [0.9, 0.9, 1.0, 1.3, 1.5, 1.7, 2.0, 2.5, 3.7] },
    { number: 3, table: [0.5, 0.5, 0.5, 0.6, 0.6, 1.0, 2.8, 5.0, 5.3] },
  ],
  ASB4_SO2: [
    { number: 4, table: [-4, -4, -4, -4, -4, 0, 20, 140, 450] },
    { number: 1, table: [1.6, 1.6, 1.6, 1.6, 1.6, 1.6, 1.9, 3.0, 5.8] },
  ],
};

/** The family of a serial, or undefined for an unknown 3-digit prefix. */
export function familyOf(serial: string): string | undefined {
  const prefix = serial.slice(0, 3);
  return Object.hasOwn(ALPHASENSE_CODES, prefix) ? ALPHASENSE_CODES[prefix] : undefined;
}

/**
 * Table value at temperature t: NaN -> NaN, below -30 -> first value, at or above 50 -> last value
 * (quirk Q2 fixed: the original raises StopIteration at exactly 50), else linear interpolation.
 */
export function temperatureFactor(t: number, table: readonly number[]): number {
  if (Number.isNaN(t)) return Number.NaN;
  const last = T_AXIS.length - 1;
  if (t < T_AXIS[0]!) return table[0]!;
  if (t >= T_AXIS[last]!) return table[last]!;
  let i2 = 1;
  while (T_AXIS[i2]! <= t) i2++;
  const i1 = i2 - 1;
  const dy = table[i2]! - table[i1]!;
  const dx = T_AXIS[i2]! - T_AXIS[i1]!;
  return table[i1]! + ((t - T_AXIS[i1]!) * dy) / dx;
}
