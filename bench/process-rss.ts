// Peak RSS of a process that loads a device-month of readings and processes the full sc_air set once:
// bench/process-month-once.ts bundled with esbuild and run with plain node under GNU time.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { BenchResult } from './types.js';

/** Peak RSS of one device-month processing run. */
export async function benchProcessRss(projectDir: string): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'scflows-bench-rss-'));
  const entry = path.join(dir, 'once.mjs');
  await build({
    absWorkingDir: projectDir,
    entryPoints: ['bench/process-month-once.ts'],
    outfile: entry,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  const rssFile = path.join(dir, 'rss.txt');
  const measure = (args: string[]) => {
    execFileSync('/usr/bin/time', ['-f', '%M', '-o', rssFile, process.execPath, ...args], {
      cwd: projectDir,
      env: { PATH: '/usr/bin:/bin', SCFLOWS_SHARED_DIR: path.join(projectDir, '..', 'shared') },
    });
    return Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) / 1024;
  };
  return [
    {
      name: 'process device-month: peak RSS of the process',
      value: Math.round(measure([entry])),
      unit: 'MB',
      goal: '≤ 120 MB',
    },
    { name: 'node -e 0 peak RSS (for reference)', value: Math.round(measure(['-e', '0'])), unit: 'MB' },
  ];
}
