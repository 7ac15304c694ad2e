// `npm run bench`: every benchmark of the project, printed as a Markdown table (the README copies it) and
// saved to bench/results/latest.md. Run after `npm run build` (the npm script does it).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchColdStart } from './cold-start.js';
import { benchProcess } from './process.js';
import { benchProcessRss } from './process-rss.js';
import { benchRunDevice } from './run-device.js';
import { benchSchedule } from './schedule.js';
import type { BenchResult } from './types.js';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const upstreamDataDir = path.resolve(
  process.env.SCFLOWS_SHARED_DIR ?? path.join(projectDir, '..', 'shared'),
  'upstream-data',
);
const only = process.argv.slice(2);

const suites: [string, () => Promise<BenchResult[]>][] = [
  ['process', () => benchProcess()],
  ['process-rss', () => benchProcessRss(projectDir)],
  ['cold-start', () => benchColdStart({ projectDir })],
  ['schedule', () => benchSchedule({ projectDir, upstreamDataDir })],
  ['run-device', () => benchRunDevice({ projectDir, upstreamDataDir })],
];

const rows: string[] = ['| benchmark | value | goal |', '| --- | --- | --- |'];
for (const [name, suite] of suites) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}...\n`);
  for (const r of await suite()) {
    const value = Number.isInteger(r.value) ? String(r.value) : r.value.toFixed(r.value < 10 ? 2 : 1);
    rows.push(`| ${r.name} | ${value} ${r.unit} | ${r.goal ?? ''} |`);
  }
}
const table = `${rows.join('\n')}\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}.\n`;
process.stdout.write(table);
mkdirSync(path.join(projectDir, 'bench', 'results'), { recursive: true });
writeFileSync(path.join(projectDir, 'bench', 'results', 'latest.md'), table);
