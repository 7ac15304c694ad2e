// Load balancing of periodic entries (pure). The day is 1440 minute slots; the load of a slot is the
// number of entries firing at that (hour, minute). An entry every H hours fires at hours o, o+H, … (< 24)
// and one minute m; it goes to the (o, m) with the least summed load, ties broken by a hash of its key so
// that equal fleets spread the same way every time.
import type { CronSchedule } from './cron-expression.js';

export type DayLoad = Uint32Array;

export interface Slot {
  offset: number;
  minute: number;
}

/** An empty load map (1440 minute slots). */
export function emptyLoad(): DayLoad {
  return new Uint32Array(24 * 60);
}

/** Add (or with sign -1 remove) one entry's daily firings to the load map. */
export function addLoad(load: DayLoad, schedule: CronSchedule, sign: 1 | -1 = 1): void {
  for (const hour of schedule.hour.values) {
    for (const minute of schedule.minute.values) {
      const index = hour * 60 + minute;
      load[index] = Math.max(0, (load[index] ?? 0) + sign);
    }
  }
}

/** The least loaded (offset, minute) for an entry every `hours` hours; deterministic for a given key. */
export function placeEvery(load: DayLoad, hours: number, key: string): Slot {
  const candidates = hours * 60;
  const start = fnv1a(key) % candidates;
  let best = 0;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let i = 0; i < candidates; i += 1) {
    const k = (start + i) % candidates;
    const offset = Math.floor(k / 60);
    const minute = k % 60;
    let cost = 0;
    for (let hour = offset; hour < 24; hour += hours) cost += load[hour * 60 + minute] ?? 0;
    if (cost < bestCost) {
      bestCost = cost;
      best = k;
      if (cost === 0) break;
    }
  }
  return { offset: Math.floor(best / 60), minute: best % 60 };
}

/** The cron expression of an entry every `hours` hours at a slot: "m o-23/H * * *" (H=1: "m * * * *", H=24: "m o * * *"). */
export function everyHoursExpression(slot: Slot, hours: number): string {
  if (hours === 1) return `${slot.minute} * * * *`;
  if (hours === 24) return `${slot.minute} ${slot.offset} * * *`;
  return `${slot.minute} ${slot.offset}-23/${hours} * * *`;
}

/** The interval in hours of an expression everyHoursExpression produces, or undefined for anything else. */
export function intervalHoursOf(expression: string): number | undefined {
  const match = /^(\d{1,2}) (\*|\d{1,2}|\d{1,2}-23\/\d{1,2}) \* \* \*$/.exec(expression);
  if (!match) return undefined;
  const minute = Number(match[1]);
  const hour = match[2] ?? '';
  if (minute > 59) return undefined;
  if (hour === '*') return 1;
  const stepped = /^(\d+)-23\/(\d+)$/.exec(hour);
  if (!stepped) return Number(hour) < 24 ? 24 : undefined;
  const offset = Number(stepped[1]);
  const hours = Number(stepped[2]);
  return hours >= 2 && hours <= 23 && offset < hours ? hours : undefined;
}

/** 32-bit FNV-1a hash of a string. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
