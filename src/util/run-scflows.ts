// Run `scflows <args>` as a child process the way cron does (same node, same bin, same explicit paths),
// through the subprocess wrapper. The child gets SC_BEARER (it calls the API itself).
import path from 'node:path';
import type { Config } from '../config/config.js';
import { type RunResult, runProcess } from './subprocess.js';

type RunConfig = Pick<Config, 'projectDir' | 'publicDir' | 'envFile' | 'nodePath' | 'explicitPaths' | 'run'>;

/** Run the built CLI with `args`; the timeout is the run lock's staleness limit. */
export async function runScflows(config: RunConfig, args: readonly string[]): Promise<RunResult> {
  const env: Record<string, string> = {};
  if (config.explicitPaths.publicDir) env.SCFLOWS_PUBLIC_DIR = config.publicDir;
  if (config.explicitPaths.envFile) env.SCFLOWS_ENV_FILE = config.envFile;
  return runProcess(config.nodePath, [path.join(config.projectDir, 'bin', 'scflows'), ...args], {
    timeoutMs: config.run.lockStaleMinutes * 60_000,
    cwd: config.projectDir,
    env,
    keepBearer: true,
  });
}
