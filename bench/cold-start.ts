// Cold start of the commands cron starts, against `node -e 0` in the same run, interleaved: in the
// environment cron gives a job (no NODE_EXTRA_CA_CERTS), and with NODE_EXTRA_CA_CERTS as this machine's
// shells set it (node then reads the CA bundle at start, ~50 ms: how toolchain.md measured node).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { median } from './stats.js';
import type { BenchResult } from './types.js';

function wallMs(args: string[], env: Record<string, string>, cwd: string): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, cwd, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Median wall time of each command and its ratio to `node -e 0`. */
export async function benchColdStart(opts: { projectDir: string; runs?: number }): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'scflows-bench-cold-'));
  const bin = path.join(opts.projectDir, 'bin', 'scflows');
  const cron = {
    HOME: dir,
    LOGNAME: 'root',
    PATH: '/usr/bin:/bin',
    SHELL: '/bin/sh',
    SCFLOWS_PUBLIC_DIR: path.join(dir, 'public'),
  };
  const ca = '/etc/ssl/certs/ca-certificates.crt';
  const envs: [string, Record<string, string>][] = [['cron env', cron]];
  if (existsSync(ca)) envs.push(['with NODE_EXTRA_CA_CERTS', { ...cron, NODE_EXTRA_CA_CERTS: ca }]);
  const commands: [string, string[]][] = [
    ['node -e 0', ['-e', '0']],
    ['run-device --help', [bin, 'run-device', '--help']],
    ['list-tasks (no tasks)', [bin, 'list-tasks']],
  ];
  const results: BenchResult[] = [];
  for (const [label, env] of envs) {
    const times = commands.map((): number[] => []);
    for (let i = -3; i < (opts.runs ?? 21); i++) {
      commands.forEach(([, args], k) => {
        const ms = wallMs(args, env, opts.projectDir);
        if (i >= 0) times[k]?.push(ms);
      });
    }
    const base = median(times[0] ?? []);
    results.push({ name: `node -e 0 (${label})`, value: base, unit: 'ms' });
    commands.slice(1).forEach(([name], k) => {
      const ms = median(times[k + 1] ?? []);
      results.push({
        name: `${name} (${label}): ${ms.toFixed(1)} ms, ratio to node -e 0`,
        value: ms / base,
        unit: '×',
        goal: '≤ 1.5×',
      });
    });
  }
  return results;
}
