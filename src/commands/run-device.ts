// `scflows run-device <id>`: what cron runs for every device. Takes the per-device lock, records the run,
// logs to public/tasks/<id>/<id>.log, processes every new window and prints one result line.
import { fstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { createApiClient } from '../api/client.js';
import type { DeviceDoc } from '../api/types.js';
import { requireBearer } from '../config/config.js';
import { UsageError } from '../errors.js';
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
  let outcome: RunOutcome;
  let release: (() => Promise<void>) | undefined;
  try {
    release = await acquireLock(path.join(config.publicDir, 'tasks', String(id), `${id}.lock`), {
      waitMs: 0,
      staleMs: config.run.lockStaleMinutes * 60_000,
    });
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'E_LOCKED')) throw error;
    outcome = { kind: 'locked', message: error.message };
    const { createLogger } = await import('../log/logger.js');
    const logger = createLogger({ file: logFile, secret: config.bearer, console: false });
    logger.warn('run skipped: device locked', { device: id, reason: error.message });
    await logger.close();
    report(outcome, options, ctx, logFile, Date.now() - started);
    return exitCodeOf(outcome);
  }
  // The device request goes out first; the logger, the database and the processing code load meanwhile
  // (cold start: docs/cold-start.md). Its failure is handled where it is awaited (prepareRun).
  const api = createApiClient(config);
  const device: Promise<DeviceDoc> = api.getDevice(id);
  device.catch(() => undefined);
  const [{ createLogger }, { openRunStore, runStoreFile }, { createDocumentCache }, { runDevice }] =
    await Promise.all([
      import('../log/logger.js'),
      import('../run/records/store.js'),
      import('../run/doc-cache.js'),
      import('../run/run-device.js'),
    ]);
  const logger = createLogger({ file: logFile, secret: config.bearer, console: false });
  const store = openRunStore(runStoreFile(config.publicDir), {
    retentionDays: config.run.runsRetentionDays,
    now: ctx.now,
  });
  try {
    const runId = store.start({ device: id, pid: process.pid, dryRun: options.dryRun });
    logger.info('run started', { device: id, run: runId, dryRun: options.dryRun });
    const documents = createDocumentCache({
      dir: path.join(config.publicDir, 'cache', 'documents'),
      freshMs: config.run.docCacheMinutes * 60_000,
      now: ctx.now,
      fetch: (url) => api.fetchDocument(url),
      onStale: (url, error) =>
        logger.warn('using stale cached document: source unavailable', { url, error: String(error) }),
    });
    outcome = await runDevice(
      id,
      { dryRun: options.dryRun, device },
      { api, documents, config, logger, signal: ctx.signal },
    );
    const { state, reason } = stateOf(outcome);
    const progress = 'progress' in outcome ? outcome.progress : undefined;
    const message = 'message' in outcome ? outcome.message : null;
    store.finish(runId, {
      state,
      reason,
      windowFrom: progress?.windowFrom ?? null,
      windowTo: progress?.windowTo ?? null,
      windows: progress?.windows ?? 0,
      rows: progress?.rows ?? 0,
      posted: progress?.posted ?? {},
      exitCode: exitCodeOf(outcome),
      message,
    });
    const summary = {
      device: id,
      state: reason && state !== 'SUCCESS' ? `${state}/${reason}` : state,
      windowFrom: progress?.windowFrom ?? null,
      windowTo: progress?.windowTo ?? null,
      windows: progress?.windows ?? 0,
      rows: progress?.rows ?? 0,
      posted: progress?.posted ?? {},
      durationMs: Date.now() - started,
      ...(message ? { message } : {}),
      ...(progress?.capped ? { capped: true } : {}),
    };
    if (outcome.kind === 'succeeded' || outcome.kind === 'nothing-new') logger.info('run finished', summary);
    else logger.error('run finished', summary);
  } finally {
    store.close();
    await release();
    await logger.close();
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
