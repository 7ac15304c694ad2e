// Reading the golden vectors' CSV files (shortest round-trip decimals; empty cell = NaN / no reading).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { vectorsDir } from './shared.js';

export interface Csv {
  header: string[];
  rows: string[][];
}

/** Parse a vector CSV file (no quoting is used in the vectors). */
export function readCsv(vector: string, file: string): Csv {
  const lines = readFileSync(path.join(vectorsDir, vector, file), 'utf8')
    .trim()
    .split('\n');
  const header = (lines[0] ?? '').split(',');
  return { header, rows: lines.slice(1).map((line) => line.split(',')) };
}

/** Parse a vector JSON file. */
export function readVectorJson<T = Record<string, unknown>>(vector: string, file: string): T {
  return JSON.parse(readFileSync(path.join(vectorsDir, vector, file), 'utf8')) as T;
}

/** |actual − expected| ≤ atol + rtol·|expected| (the vectors' tolerance rule). */
export function close(actual: number, expected: number, atol = 1e-9, rtol = 1e-9): boolean {
  return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
}
