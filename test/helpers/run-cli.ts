// Runs the BUILT CLI (bin/scflows → dist/) as a child process, as cron does, with an env file that points
// it at a stand-in API and a temporary public dir. Nothing of the test's own environment leaks in.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectDir } from './shared.js';

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Sandbox {
  dir: string;
  publicDir: string;
  envFile: string;
  env: Record<string, string>;
}

/** A temp dir with public/ and an env file holding the stand-in's URLs and token (and extra variables). */
export function makeSandbox(vars: Record<string, string>): Sandbox {
  const dir = mkdtempSync(path.join(tmpdir(), 'scflows-test-'));
  const publicDir = path.join(dir, 'public');
  const envFile = path.join(dir, '.env');
  writeFileSync(
    envFile,
    `${Object.entries(vars)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n')}\n`,
    { mode: 0o600 },
  );
  return {
    dir,
    publicDir,
    envFile,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/root',
      SCFLOWS_PUBLIC_DIR: publicDir,
      SCFLOWS_ENV_FILE: envFile,
    },
  };
}

/** Run `bin/scflows args...` to completion. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  options: { timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectDir, 'bin', 'scflows'), ...args], {
      cwd: projectDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
