// One device end to end (spec processing.md §1): prepare (device, documents, metrics), then window after
// window from the watermark: load, process, post, PATCH the watermark. A window's watermark moves only
// after all its values are posted, so a failure or a kill loses nothing and re-posts at most one window.
import type { ApiClient } from '../api/client.js';
import type { DeviceDoc } from '../api/types.js';
import type { Config } from '../config/config.js';
import { AppError, describeError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import type { DocumentSource } from './documents.js';
import { emptyProgress, type RunOutcome, type RunProgress } from './outcome.js';
import { isoSeconds } from './post-chunks.js';
import { prepareRun } from './prepare.js';
import { runWindow } from './window.js';

export interface RunDeviceDeps {
  api: ApiClient;
  documents: DocumentSource;
  config: Config;
  logger: Logger;
  signal: AbortSignal;
}

const EPOCH_START = Date.parse('2001-01-01T00:00:00Z') / 1000;

/** Process every new window of one device; the outcome is a value. */
export async function runDevice(
  deviceId: number,
  options: {
    dryRun: boolean /** The device request, when the caller already sent it. */;
    device?: Promise<DeviceDoc>;
  },
  deps: RunDeviceDeps,
): Promise<RunOutcome> {
  const progress = emptyProgress();
  const prepared = await prepareRun(deviceId, options.device ?? deps.api.getDevice(deviceId), deps, progress);
  if ('kind' in prepared) return prepared;
  const { device, plan } = prepared;
  const { logger, config } = deps;

  if (device.state === 'never_published' || device.last_reading_at === null) {
    return { kind: 'nothing-new', progress, message: 'the device has no readings yet' };
  }
  if (plan.sensors.length === 0) {
    const message = `device ${deviceId} has none of the sensors its blueprint needs`;
    return { kind: 'aborted', reason: 'EMPTY_DATA', message, progress };
  }
  const lastReading = Date.parse(device.last_reading_at) / 1000;
  const latest = device.postprocessing?.latest_postprocessing ?? null;
  let from = latest === null ? EPOCH_START : Date.parse(latest) / 1000;
  progress.windowFrom = isoSeconds(from);
  if (from > lastReading) {
    return { kind: 'nothing-new', progress, message: `already processed up to ${latest}` };
  }
  const warnings = new Set<string>();
  while (progress.windows < config.run.maxWindows) {
    if (deps.signal.aborted) {
      return {
        kind: 'aborted',
        reason: 'INTERRUPTED',
        message: 'stopped by a signal between windows',
        progress,
      };
    }
    let step: Awaited<ReturnType<typeof runWindow>>;
    try {
      step = await runWindow({ deviceId, device, plan, from, dryRun: options.dryRun }, deps);
    } catch (error) {
      return failure(error, progress);
    }
    if (step.kind === 'empty') break;
    if (step.kind !== 'done') return { ...step.outcome, progress } as RunOutcome;
    for (const w of step.warnings) warnings.add(w);
    progress.windows += 1;
    progress.rows += step.rows;
    for (const [id, n] of Object.entries(step.posted)) progress.posted[id] = (progress.posted[id] ?? 0) + n;
    from = step.watermark;
    progress.windowTo = isoSeconds(from);
    logger.info(options.dryRun ? 'window processed (dry run)' : 'window posted', {
      device: deviceId,
      window: progress.windows,
      from: step.from,
      watermark: progress.windowTo,
      rows: step.rows,
      posted: step.posted,
    });
    if (from > lastReading) break;
  }
  if (progress.windows === 0) {
    return { kind: 'nothing-new', progress, message: `no new readings since ${progress.windowFrom}` };
  }
  progress.capped = progress.windows >= config.run.maxWindows && from <= lastReading;
  return { kind: 'succeeded', progress, warnings: [...warnings] };
}

function failure(error: unknown, progress: RunProgress): RunOutcome {
  if (error instanceof AppError && error.code.startsWith('E_API')) {
    return { kind: 'failed', reason: 'API_UNAVAILABLE', message: describeError(error), progress };
  }
  throw error;
}
