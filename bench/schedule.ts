// Scheduling benchmarks: the BUILT `bin/scflows schedule-devices --plan` over 10,000 simulated devices
// (100 per page) served by the in-process stand-in, as a child process: wall time and peak RSS (GNU time
// %M).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDevApi } from '../src/devapi/index.js';
import { median } from './stats.js';
import type { BenchResult } from './types.js';

const DEVICES = 10_000;

interface ChildRun {
  code: number;
  wallMs: number;
  stdout: string;
}

function run(command: string, args: string[], env: Record<string, string>, cwd: string): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code: code ?? -1, wallMs: Number(process.hrtime.bigint() - start) / 1e6, stdout });
    });
  });
}

/** Measure schedule-devices over a large fleet. */
export async function benchSchedule(opts: {
  projectDir: string;
  upstreamDataDir: string;
}): Promise<BenchResult[]> {
  const api = await startDevApi({ devices: DEVICES, upstreamDataDir: opts.upstreamDataDir });
  const dir = mkdtempSync(path.join(tmpdir(), 'scflows-bench-schedule-'));
  const envFile = path.join(dir, '.env');
  writeFileSync(
    envFile,
    `SC_API_URL=${api.apiUrl}\nSC_DATA_URL=${api.dataUrl}\nSC_BEARER=${api.adminToken}\nSCFLOWS_SEARCH_PER_PAGE=100\n`,
    { mode: 0o600 },
  );
  const env = {
    PATH: '/usr/bin:/bin',
    HOME: dir,
    SCFLOWS_ENV_FILE: envFile,
    SCFLOWS_PUBLIC_DIR: path.join(dir, 'public'),
  };
  const bin = path.join(opts.projectDir, 'bin', 'scflows');
  const rssFile = path.join(dir, 'rss.txt');
  try {
    const walls: number[] = [];
    let peakKb = 0;
    let found = '';
    for (let i = -1; i < 3; i += 1) {
      const r = await run(
        '/usr/bin/time',
        ['-f', '%M', '-o', rssFile, process.execPath, bin, 'schedule-devices', '--plan'],
        env,
        opts.projectDir,
      );
      if (r.code !== 0) throw new Error(`schedule-devices --plan exited ${r.code}`);
      found = /(\d+) devices found/.exec(r.stdout)?.[1] ?? '?';
      if (i < 0) continue; // warm-up: page cache and the stand-in's search cache
      walls.push(r.wallMs);
      peakKb = Math.max(peakKb, Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)));
    }

    return [
      {
        name: `schedule-devices --plan, ${DEVICES} devices (${found} found), median of 3`,
        value: median(walls) / 1000,
        unit: 's',
        goal: '≤ 3 s',
      },
      { name: 'schedule-devices --plan peak RSS', value: peakKb / 1024, unit: 'MB', goal: '≤ 150 MB' },
    ];
  } finally {
    await api.close();
  }
}
