// schedule-devices' reconciliation (pure): from the current entries and the decisions for every device
// the search returned, the new set of entries. Only `source=api` entries are touched: manual and scheduler
// entries stay as they are. A device with the same interval keeps its exact schedule; new or re-timed devices are
// placed (in id order) on the load left by all other entries, so adding a device moves nobody.
import type { CommandConfig } from '../crontab/command.js';
import { deviceIdOfTask, deviceTaskName, type TaskEntry } from '../crontab/entry.js';
import { everyHoursExpression, intervalHoursOf, placeEvery } from './balance.js';
import type { DeviceDecision } from './decide.js';
import { deviceEntry, hasArgs, loadOf, type RunFlags, runDeviceArgs } from './entries.js';

export interface DeviceInput {
  readonly id: number;
  readonly decision: DeviceDecision;
}

export type DeviceOutcome =
  | 'added'
  | 'moved'
  | 'updated'
  | 'unchanged'
  | 'removed'
  | 'absent'
  | 'invalid'
  | 'manual';

export interface DeviceResult {
  readonly id: number;
  readonly decision: DeviceDecision;
  readonly outcome: DeviceOutcome;
  /** The entry's schedule after reconciling (scheduled devices). */
  readonly schedule?: string;
}

export interface ReconcileInput {
  readonly entries: readonly TaskEntry[];
  readonly devices: readonly DeviceInput[];
  readonly intervalHours: number;
  readonly flags: RunFlags;
  readonly config: CommandConfig;
}

export interface ReconcileResult {
  readonly entries: TaskEntry[];
  readonly devices: DeviceResult[];
  /** Devices whose api entry was removed because the search no longer returns them. */
  readonly dropped: number[];
}

/** Compute the entries after a schedule-devices run. */
export function reconcile(input: ReconcileInput): ReconcileResult {
  const { intervalHours: hours, flags, config } = input;
  const current = new Map(input.entries.map((entry) => [entry.name, entry]));
  const next = new Map(current);
  const returned = new Set(input.devices.map((device) => device.id));
  const dropped: number[] = [];
  for (const entry of input.entries) {
    const id = deviceIdOfTask(entry.name);
    if (entry.source === 'api' && id !== undefined && !returned.has(id)) {
      next.delete(entry.name);
      dropped.push(id);
    }
  }
  const results: DeviceResult[] = [];
  const toPlace: DeviceInput[] = [];
  for (const device of [...input.devices].sort((a, b) => a.id - b.id)) {
    const name = deviceTaskName(device.id);
    const existing = current.get(name);
    const { decision } = device;
    if (existing !== undefined && existing.source !== 'api') {
      results.push({ id: device.id, decision, outcome: 'manual', schedule: existing.schedule });
    } else if (decision.kind === 'invalid') {
      results.push({ id: device.id, decision, outcome: 'invalid' });
    } else if (decision.kind === 'remove') {
      next.delete(name);
      results.push({ id: device.id, decision, outcome: existing ? 'removed' : 'absent' });
    } else if (existing !== undefined && intervalHoursOf(existing.schedule) === hours) {
      // Same interval: the entry keeps its exact time; the command is re-rendered (flags, paths).
      const outcome = hasArgs(existing, runDeviceArgs(device.id, flags)) ? 'unchanged' : 'updated';
      next.set(name, deviceEntry(config, device.id, 'api', existing.schedule, flags));
      results.push({ id: device.id, decision, outcome, schedule: existing.schedule });
    } else {
      next.delete(name);
      toPlace.push(device);
    }
  }
  const load = loadOf(next.values());
  for (const device of toPlace) {
    const name = deviceTaskName(device.id);
    const slot = placeEvery(load, hours, name);
    for (let hour = slot.offset; hour < 24; hour += hours) load[hour * 60 + slot.minute]! += 1;
    const schedule = everyHoursExpression(slot, hours);
    next.set(name, deviceEntry(config, device.id, 'api', schedule, flags));
    const outcome = current.has(name) ? 'moved' : 'added';
    results.push({ id: device.id, decision: device.decision, outcome, schedule });
  }
  results.sort((a, b) => a.id - b.id);
  return { entries: [...next.values()], devices: results, dropped };
}
