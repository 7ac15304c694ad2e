// A CommandContext for in-process scheduler command tests: config from a temp public dir and env file
// (loaded by the real loadConfig), a fixed clock and captured output.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CommandContext } from '../../src/commands/context.js';
import { type Config, loadConfig } from '../../src/config/config.js';
import { projectDir } from './shared.js';

export interface TestContext extends CommandContext {
  readonly dir: string;
  readonly out: string[];
  readonly err: string[];
}

/** A context whose config points at `vars` (SC_API_URL, SC_DATA_URL, ...) and a fresh temp public dir. */
export function schedulerContext(
  vars: Record<string, string> = {},
  now = new Date('2025-03-10T14:03:07Z'),
): TestContext {
  const dir = mkdtempSync(path.join(tmpdir(), 'scflows-sched-'));
  const envFile = path.join(dir, '.env');
  const defaults = { SCFLOWS_HTTP_ATTEMPTS: '1', SCFLOWS_HTTP_TIMEOUT_MS: '5000' };
  const lines = Object.entries({ ...defaults, ...vars }).map(([k, v]) => `${k}=${v}`);
  writeFileSync(envFile, `${lines.join('\n')}\n`, { mode: 0o600 });
  const config: Config = loadConfig({
    projectDir,
    env: { SCFLOWS_PUBLIC_DIR: path.join(dir, 'public'), SCFLOWS_ENV_FILE: envFile },
    execPath: process.execPath,
  });
  const out: string[] = [];
  const err: string[] = [];
  return {
    dir,
    out,
    err,
    config,
    now: () => now,
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    signal: new AbortController().signal,
  };
}
