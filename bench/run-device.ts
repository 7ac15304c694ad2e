// A fresh `bin/scflows run-device` process doing one production-size run (~480 new minute rows of an
// SCAS220060 device, full sc_air set, one POST per gas, one PATCH) against the in-process stand-in at
// zero latency: wall time per process and the time from spawn to its first HTTP request.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDevApi } from '../src/devapi/index.js';
import { putSyntheticDevice } from '../test/helpers/devices.js';
import { median } from './stats.js';
import type { BenchResult } from './types.js';

const START = Date.parse('2025-03-10T06:00:00Z') / 1000;
const ROWS = 480;

function run(command: string, args: string[], env: Record<string, string>, cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
}

/** Measure run-device cold runs. */
export async function benchRunDevice(opts: {
  projectDir: string;
  upstreamDataDir: string;
  runs?: number;
}): Promise<BenchResult[]> {
  const api = await startDevApi({ devices: 0, upstreamDataDir: opts.upstreamDataDir, now: () => new Date() });
  const dir = mkdtempSync(path.join(tmpdir(), 'scflows-bench-run-'));
  const envFile = path.join(dir, '.env');
  writeFileSync(
    envFile,
    `SC_API_URL=${api.apiUrl}\nSC_DATA_URL=${api.dataUrl}\nSC_BEARER=${api.adminToken}\n`,
  );
  // The environment cron gives a job (toolchain.md §2), plus where the env file and public dir are.
  const env = {
    HOME: dir,
    LOGNAME: 'root',
    PATH: '/usr/bin:/bin',
    SHELL: '/bin/sh',
    SCFLOWS_ENV_FILE: envFile,
    SCFLOWS_PUBLIC_DIR: path.join(dir, 'public'),
  };
  const bin = path.join(opts.projectDir, 'bin', 'scflows');
  const walls: number[] = [];
  const firstRequests: number[] = [];
  const nodeOnly: number[] = [];
  try {
    const runs = opts.runs ?? 15;
    for (let i = -2; i < runs; i++) {
      putSyntheticDevice(api, 60001, 'SCAS220060', START, ROWS);
      const before = api.store.requestLog.length;
      const t0 = Date.now();
      const code = await run(process.execPath, [bin, 'run-device', '60001'], env, opts.projectDir);
      const wall = Date.now() - t0;
      if (code !== 0) throw new Error(`run-device exited ${code}`);
      const first = api.store.requestLog[before];
      const n0 = Date.now();
      await run(process.execPath, ['-e', '0'], env, opts.projectDir);
      const nodeWall = Date.now() - n0;
      if (i < 0) continue; // warm-up (page cache, document cache)
      walls.push(wall);
      nodeOnly.push(nodeWall);
      if (first) firstRequests.push(first.receivedAtMs - t0);
    }
    // Peak RSS of one run, measured by GNU time.
    putSyntheticDevice(api, 60001, 'SCAS220060', START, ROWS);
    const rssFile = path.join(dir, 'rss.txt');
    await run(
      '/usr/bin/time',
      ['-f', '%M', '-o', rssFile, process.execPath, bin, 'run-device', '60001'],
      env,
      opts.projectDir,
    );
    const { readFileSync } = await import('node:fs');
    const rssKb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1));
    return [
      {
        name: 'run-device fresh process, 480-row production run (wall, median)',
        value: median(walls),
        unit: 'ms',
        goal: '≤ 230 ms',
      },
      {
        name: 'run-device: spawn → first HTTP request (median)',
        value: median(firstRequests),
        unit: 'ms',
        goal: '≤ 150 ms',
      },
      { name: 'node -e 0 in the same run (median)', value: median(nodeOnly), unit: 'ms' },
      { name: 'run-device peak RSS', value: Math.round(rssKb / 1024), unit: 'MB' },
    ];
  } finally {
    await api.close();
  }
}
