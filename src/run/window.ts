// One window: load every needed sensor from `from`, process, post each posted metric in chunks, then
// PATCH the watermark (last loaded timestamp + 1 minute, spec processing.md §4.4).
import type { DeviceDoc } from '../api/types.js';
import { AppError, describeError } from '../errors.js';
import { loadWindow } from './load-window.js';
import type { RunOutcome } from './outcome.js';
import { isoSeconds, postChunks } from './post-chunks.js';
import type { RunDeviceDeps } from './run-device.js';
import { type DevicePlan, processWindow } from './scdata.js';

export interface WindowInput {
  deviceId: number;
  device: DeviceDoc;
  plan: DevicePlan;
  /** Epoch seconds, inclusive. */
  from: number;
  dryRun: boolean;
}

type StopOutcome = Extract<RunOutcome, { kind: 'aborted' | 'failed' }>;
export type WindowResult =
  | { kind: 'empty' }
  | { kind: 'stop'; outcome: Omit<StopOutcome, 'progress'> }
  | {
      kind: 'done';
      from: string;
      rows: number;
      posted: Record<string, number>;
      /** Epoch seconds of the new watermark. */
      watermark: number;
      warnings: string[];
    };

/** Load, process, post and patch one window. API failures while loading are thrown (ApiError). */
export async function runWindow(input: WindowInput, deps: RunDeviceDeps): Promise<WindowResult> {
  const { api, config, logger } = deps;
  const { deviceId, plan } = input;
  const loaded = await loadWindow(
    api,
    deviceId,
    plan.sensors,
    new Date(input.from * 1000),
    config.run.loadLimit,
  );
  const processed = processWindow(plan, loaded);
  if (processed.kind === 'empty') return { kind: 'empty' };
  if (processed.kind === 'failed') {
    return {
      kind: 'stop',
      outcome: { kind: 'aborted', reason: 'PROCESSING_FAILED', message: processed.message },
    };
  }
  for (const warning of processed.warnings) logger.warn('metric not computed', { device: deviceId, warning });
  const { index } = processed;
  const watermark = (index[index.length - 1] as number) + 60;
  const posted: Record<string, number> = {};
  for (const metric of processed.posted) {
    const bodies = postChunks(metric.timestamps, metric.values, metric.sensorId, config.run.postChunk);
    const named = { name: metric.metric, id: metric.sensorId };
    let count = 0;
    for (const body of bodies) count += body.data.length;
    posted[String(named.id)] = count;
    if (input.dryRun) {
      logger.info('dry run: would post', {
        device: deviceId,
        metric: named.name,
        sensor: named.id,
        values: count,
        chunks: bodies.length,
        first: bodies[0]?.data.slice(0, 3) ?? [],
      });
      continue;
    }
    for (const body of bodies) {
      try {
        await api.postReadings(deviceId, body);
      } catch (error) {
        return postingFailed(
          `posting ${named.name} to sensor ${named.id} failed: ${describeError(error)}`,
          error,
        );
      }
    }
  }
  if (!input.dryRun) {
    const pp = input.device.postprocessing!;
    try {
      // The record goes back as received, only latest_postprocessing changed (as the golden vector shows).
      await api.patchPostprocessing(deviceId, { ...pp, latest_postprocessing: isoSeconds(watermark) });
    } catch (error) {
      return postingFailed(`updating latest_postprocessing failed: ${describeError(error)}`, error);
    }
  }
  return {
    kind: 'done',
    from: isoSeconds(input.from),
    rows: index.length,
    posted,
    watermark,
    warnings: processed.warnings,
  };
}

function postingFailed(message: string, error: unknown): WindowResult {
  if (!(error instanceof AppError)) throw error;
  return { kind: 'stop', outcome: { kind: 'failed', reason: 'DATA_POSTING_FAILED', message } };
}
