// `scflows schedule-devices`: ask the API which devices have postprocessing, decide each one (spec §3.4),
// and keep one `source=api` cron entry per device to process, every H hours, load balanced.
import { setFlagsFromString } from 'node:v8';
import { createApiClient } from '../api/client.js';
import { createPostprocessingChecker } from '../api/hardware-check.js';
import type { SearchedDevice } from '../api/types.js';
import { requireBearer } from '../config/config.js';
import { type CrontabPort, systemCrontab } from '../crontab/system-crontab.js';
import { updateTasks } from '../crontab/task-store.js';
import { decideDevice } from '../schedule/decide.js';
import { type DeviceResult, reconcile } from '../schedule/reconcile.js';
import type { CommandContext } from './context.js';

export interface ScheduleDevicesOptions {
  intervalHours: number;
  dryRun: boolean;
  queue: boolean;
  plan: boolean;
}

export interface ScheduleDeps {
  /** The two API calls scheduling needs: the search and data documents (hardware). */
  api: {
    searchPostprocessingDevices(): Promise<SearchedDevice[]>;
    fetchDocument(url: string): Promise<string>;
  };
  crontab: CrontabPort;
}

/** The real API client and crontab of the running configuration. */
export function scheduleDeps(ctx: CommandContext): ScheduleDeps {
  return { api: createApiClient(ctx.config), crontab: systemCrontab() };
}

/** Run schedule-devices; resolves to the exit code. */
export async function scheduleDevices(
  options: ScheduleDevicesOptions,
  ctx: CommandContext,
  deps: ScheduleDeps = scheduleDeps(ctx),
): Promise<number> {
  // The search parses ~700 kB pages that are garbage a moment later; V8 otherwise grows the young
  // generation to 3 × 16 MB for them. Keeping it small holds a 10,000-device search under its memory
  // budget (README benchmarks: ~125 MB instead of ~160 MB) for a few % more time.
  setFlagsFromString('--semi-space-growth-factor=1');
  // Without the admin token the search hides private devices, and reconciling would drop their entries.
  requireBearer(ctx.config, 'search every device with postprocessing (private ones included)');
  const devices = await deps.api.searchPostprocessingDevices();
  const check = createPostprocessingChecker((url) => deps.api.fetchDocument(url), ctx.config.dataUrl);
  const validities = await Promise.all(devices.map((device) => check(device.postprocessing)));
  const decided = devices.map((device, i) => ({
    id: device.id,
    decision: decideDevice(device, validities[i]!),
  }));
  const outcome = await updateTasks(ctx.config, deps.crontab, { plan: options.plan }, (entries) => {
    const result = reconcile({
      entries,
      devices: decided,
      intervalHours: options.intervalHours,
      flags: options,
      config: ctx.config,
    });
    return { entries: result.entries, result };
  });
  const { devices: results, dropped } = outcome.result;
  for (const line of outcome.plan ?? []) ctx.stdout(line);
  for (const result of results) {
    const line = describeResult(result, options.intervalHours);
    if (line !== undefined) ctx.stdout(line);
  }
  for (const id of dropped) ctx.stdout(`device ${id}: entry removed (no longer returned by the search)`);
  ctx.stdout(summary(results, dropped.length, options.plan));
  return 0;
}

function describeResult(result: DeviceResult, hours: number): string | undefined {
  const { id, decision } = result;
  switch (result.outcome) {
    case 'added':
      return `device ${id}: scheduled every ${hours} h (${result.schedule})`;
    case 'moved':
      return `device ${id}: rescheduled every ${hours} h (${result.schedule})`;
    case 'updated':
      return `device ${id}: command updated, schedule kept (${result.schedule})`;
    case 'removed':
      return `device ${id}: entry removed (${decision.kind === 'remove' ? decision.reason : ''})`;
    case 'invalid':
      return `device ${id}: no valid postprocessing, entry left untouched (${decision.kind === 'invalid' ? decision.reason : ''})`;
    case 'manual':
      return `device ${id}: has a manual entry, left untouched`;
    default:
      return undefined;
  }
}

function summary(results: readonly DeviceResult[], dropped: number, plan: boolean): string {
  const count = (...outcomes: string[]) => results.filter((r) => outcomes.includes(r.outcome)).length;
  const scheduled = count('added', 'moved', 'updated', 'unchanged');
  return (
    `schedule-devices${plan ? ' (plan, nothing changed)' : ''}: ${results.length} devices found; ` +
    `${scheduled} scheduled (${count('added')} added, ${count('moved')} rescheduled, ${count('updated')} updated, ` +
    `${count('unchanged')} unchanged), ` +
    `${count('removed')} removed, ${count('absent')} without entry, ${count('invalid')} invalid, ` +
    `${count('manual')} manual; ${dropped} removed as no longer returned`
  );
}
