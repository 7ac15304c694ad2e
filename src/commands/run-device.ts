// `scflows run-device <id>`: what cron runs for every device. Takes the per-device lock (a second run exits
// at once as LOCKED), runs and records the device (src/run/recorded-run.ts) and prints one result line.
import { fstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { requireBearer } from '../config/config.js';
import { LockedError, UsageError } from '../errors.js';
import { exitCodeOf, type RunOutcome, stateOf } from '../run/outcome.js';
import { acquireLock } from '../util/lockfile.js';
import type { CommandContext } from './context.js';

export interface RunDeviceOptions {
  device: number;
  dryRun: boolean;
  queue: boolean;
  json: boolean;
}

/** Run one device end to end; resolves to the exit code of its outcome. */
export async function runDeviceCommand(options: RunDeviceOptions, ctx: CommandContext): Promise<number> {
  if (options.queue) {
    throw new UsageError(
      '--queue needs the worker queue, which this version does not have yet; run without --queue',
    );
  }
  const { config } = ctx;
  if (!options.dryRun) requireBearer(config, 'post readings (or use --dry-run)');
  const id = options.device;
  const logFile = path.join(config.publicDir, 'tasks', String(id), `${id}.log`);
  const started = Date.now();
  let release: () => Promise<void>;
  try {
    release = await acquireLock(path.join(config.publicDir, 'tasks', String(id), `${id}.lock`), {
      waitMs: 0,
      staleMs: config.run.lockStaleMinutes * 60_000,
    });
  } catch (error) {
    if (!(error instanceof LockedError)) throw error;
    const outcome: RunOutcome = { kind: 'locked', message: error.message };
    const { createLogger } = await import('../log/logger.js');
    const logger = createLogger({ file: logFile, secret: config.bearer, console: false });
    logger.warn('run skipped: device locked', { device: id, reason: error.message });
    await logger.close();
    report(outcome, options, ctx, logFile, Date.now() - started);
    return exitCodeOf(outcome);
  }
  let outcome: RunOutcome;
  try {
    const { recordedRun } = await import('../run/recorded-run.js');
    outcome = await recordedRun({
      device: id,
      dryRun: options.dryRun,
      config,
      now: ctx.now,
      signal: ctx.signal,
      logFile,
    });
  } finally {
    await release();
  }
  report(outcome, options, ctx, logFile, Date.now() - started);
  return exitCodeOf(outcome);
}

function report(
  outcome: RunOutcome,
  options: RunDeviceOptions,
  ctx: CommandContext,
  logFile: string,
  durationMs: number,
): void {
  const { state, reason } = stateOf(outcome);
  const progress = 'progress' in outcome ? outcome.progress : undefined;
  const message = 'message' in outcome ? outcome.message : undefined;
  if (options.json) {
    ctx.stdout(JSON.stringify({ device: options.device, state, reason, message, progress, durationMs }));
    return;
  }
  // From cron, stdout is appended to the device log, which already holds the "run finished" line.
  if (stdoutIsFile(logFile)) return;
  const label = reason && state !== 'SUCCESS' ? `${state}/${reason}` : state;
  const posted = progress
    ? Object.entries(progress.posted)
        .map(([k, v]) => `${k}:${v}`)
        .join(',')
    : '';
  const parts = [`device ${options.device}`, label];
  if (progress) parts.push(`windows=${progress.windows}`, `rows=${progress.rows}`, `posted={${posted}}`);
  parts.push(`${(durationMs / 1000).toFixed(2)}s`);
  if (message) parts.push(`- ${message}`);
  ctx.stdout(parts.join(' '));
}

function stdoutIsFile(file: string): boolean {
  try {
    const out = fstatSync(1);
    const log = statSync(file);
    return out.isFile() && out.ino === log.ino && out.dev === log.dev;
  } catch {
    return false;
  }
}
