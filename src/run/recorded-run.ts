// One run-device run with its bookkeeping: the device log (winston), the run history (SQLite) and the
// document cache around runDevice. The device request is sent before the logger, the database and the
// processing code are loaded, so the network wait overlaps the loading (cold start: docs/cold-start.md).
import path from 'node:path';
import { createApiClient } from '../api/client.js';
import type { DeviceDoc } from '../api/types.js';
import type { Config } from '../config/config.js';
import { describeError, ExitCode } from '../errors.js';
import { exitCodeOf, type RunOutcome, stateOf } from './outcome.js';

export interface RecordedRunInput {
  device: number;
  dryRun: boolean;
  config: Config;
  now: () => Date;
  signal: AbortSignal;
  logFile: string;
}

/** Run the device, log it and record it; a bug is recorded as FAILED/INTERNAL_ERROR and rethrown. */
export async function recordedRun(input: RecordedRunInput): Promise<RunOutcome> {
  const { config, device: id } = input;
  const started = Date.now();
  const api = createApiClient(config);
  const device: Promise<DeviceDoc> = api.getDevice(id);
  device.catch(() => undefined); // handled where it is awaited (prepareRun)
  const [{ createLogger }, { openRunStore, runStoreFile }, { createDocumentCache }, { runDevice }] =
    await Promise.all([
      import('../log/logger.js'),
      import('./records/store.js'),
      import('./doc-cache.js'),
      import('./run-device.js'),
    ]);
  const logger = createLogger({ file: input.logFile, secret: config.bearer, console: false });
  let store: ReturnType<typeof openRunStore> | undefined;
  try {
    store = openRunStore(runStoreFile(config.publicDir), {
      retentionDays: config.run.runsRetentionDays,
      now: input.now,
    });
    const runId = store.start({ device: id, pid: process.pid, dryRun: input.dryRun });
    logger.info('run started', { device: id, run: runId, dryRun: input.dryRun });
    const documents = createDocumentCache({
      dir: path.join(config.publicDir, 'cache', 'documents'),
      freshMs: config.run.docCacheMinutes * 60_000,
      now: input.now,
      fetch: (url) => api.fetchDocument(url),
      onStale: (url, error) =>
        logger.warn('using stale cached document: source unavailable', { url, error: String(error) }),
    });
    let outcome: RunOutcome;
    try {
      outcome = await runDevice(
        id,
        { dryRun: input.dryRun, device },
        { api, documents, config, logger, signal: input.signal },
      );
    } catch (error) {
      const message = describeError(error);
      store.finish(runId, {
        ...NOTHING_DONE,
        state: 'FAILED',
        reason: 'INTERNAL_ERROR',
        exitCode: ExitCode.internal,
        message,
      });
      logger.error('run crashed', { device: id, error: message });
      throw error;
    }
    const record = recordOf(outcome);
    store.finish(runId, record);
    const summary = {
      device: id,
      state: record.reason && record.state !== 'SUCCESS' ? `${record.state}/${record.reason}` : record.state,
      windowFrom: record.windowFrom,
      windowTo: record.windowTo,
      windows: record.windows,
      rows: record.rows,
      posted: record.posted,
      durationMs: Date.now() - started,
      ...(record.message ? { message: record.message } : {}),
      ...('progress' in outcome && outcome.progress.capped ? { capped: true } : {}),
    };
    if (record.exitCode === ExitCode.ok) logger.info('run finished', summary);
    else logger.error('run finished', summary);
    return outcome;
  } finally {
    store?.close();
    await logger.close();
  }
}

const NOTHING_DONE = { windowFrom: null, windowTo: null, windows: 0, rows: 0, posted: {} };

/** What the run history keeps of an outcome. */
function recordOf(outcome: RunOutcome) {
  const { state, reason } = stateOf(outcome);
  const progress = 'progress' in outcome ? outcome.progress : undefined;
  return {
    state,
    reason,
    windowFrom: progress?.windowFrom ?? null,
    windowTo: progress?.windowTo ?? null,
    windows: progress?.windows ?? 0,
    rows: progress?.rows ?? 0,
    posted: progress?.posted ?? {},
    exitCode: exitCodeOf(outcome),
    message: 'message' in outcome ? outcome.message : null,
  };
}
