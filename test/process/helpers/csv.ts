// Test-only reader of the golden-vector CSV files (`timestamp,<col>,...`, ISO UTC, empty cell = NaN).
import { readFileSync } from 'node:fs';
import type { Reading, Table } from '../../../src/process/table.js';

export interface CsvTable {
  readonly header: readonly string[];
  readonly timestamps: readonly number[];
  /** Raw cells per column (without the timestamp column). */
  readonly cells: ReadonlyMap<string, readonly string[]>;
}

/** Parse a vector CSV file. */
export function readCsv(file: string): CsvTable {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0);
  const header = lines[0]!.split(',');
  if (header[0] !== 'timestamp') throw new Error(`${file}: first column is not timestamp`);
  const names = header.slice(1);
  const cells = new Map<string, string[]>(names.map((n) => [n, []]));
  const timestamps: number[] = [];
  for (const line of lines.slice(1)) {
    const parts = line.split(',');
    if (parts.length !== header.length) throw new Error(`${file}: bad row ${line}`);
    timestamps.push(Date.parse(parts[0]!) / 1000);
    for (const [i, name] of names.entries()) cells.get(name)!.push(parts[i + 1]!);
  }
  return { header: names, timestamps, cells };
}

function cellValue(cell: string): number {
  return cell === '' || cell === 'null' ? Number.NaN : Number(cell);
}

/** The CSV as a Table (every row kept; empty and `null` cells are NaN). */
export function csvToTable(csv: CsvTable, only?: readonly string[]): Table {
  const columns = new Map<string, Float64Array>();
  for (const [name, cells] of csv.cells) {
    if (only && !only.includes(name)) continue;
    columns.set(name, Float64Array.from(cells, cellValue));
  }
  return { index: Float64Array.from(csv.timestamps), columns };
}

/** Pipeline input: per API sensor, the readings the fake API served (empty cell = none, `null` = null value). */
export function csvToReadings(csv: CsvTable): Map<string, Reading[]> {
  const out = new Map<string, Reading[]>();
  for (const [name, cells] of csv.cells) {
    const readings: Reading[] = [];
    cells.forEach((cell, i) => {
      if (cell === '') return;
      readings.push([csv.timestamps[i]!, cell === 'null' ? null : Number(cell)]);
    });
    out.set(name, readings);
  }
  return out;
}
