// Which API sensors to request (spec §1.1 step 3) plus the raw inputs the original forgets (quirk Q1 fix).

import type { ResolvedMetric } from './metrics.js';
import type { DeviceSensor, Names } from './names.js';
import { canonicalName } from './names.js';

export interface ChannelsToLoad<S extends DeviceSensor = DeviceSensor> {
  /**
   * The channel list compared with API sensor names: the original's (sorted unique `kwargs.channel`, then
   * every `eager_channels` entry in metric order) followed by the Q1 extras.
   */
  readonly channels: readonly string[];
  /** Only the Q1 extras (API sensor names of raw `name` / `channels` inputs), in the order appended. */
  readonly extras: readonly string[];
  /** The device sensors to request: those whose API name is in `channels` (all if it is empty), device order. */
  readonly sensors: readonly S[];
}

/** The original's channel list (without the Q1 extras). */
export function originalChannels(metrics: readonly ResolvedMetric[]): string[] {
  const channels = new Set<string>();
  for (const m of metrics) if (typeof m.kwargs.channel === 'string') channels.add(m.kwargs.channel);
  const sorted = [...channels].sort();
  for (const m of metrics) {
    const eager = m.kwargs.eager_channels;
    if (!Array.isArray(eager)) continue;
    for (const entry of eager) if (typeof entry === 'string') sorted.push(entry);
  }
  return sorted;
}

/** Raw (non-metric) inputs named by `kwargs.name` / `kwargs.channels`, canonical names, first-seen order. */
export function rawInputs(metrics: readonly ResolvedMetric[]): string[] {
  const metricNames = new Set(metrics.map((m) => m.name));
  const out: string[] = [];
  const add = (value: unknown): void => {
    if (typeof value === 'string' && !metricNames.has(value) && !out.includes(value)) out.push(value);
  };
  for (const m of metrics) {
    add(m.kwargs.name);
    const channels = m.kwargs.channels;
    if (Array.isArray(channels)) for (const c of channels) add(c);
  }
  return out;
}

/** The channels and API sensors to load for `metrics` on a device with `sensors`. */
export function channelsToLoad<S extends DeviceSensor>(
  metrics: readonly ResolvedMetric[],
  sensors: readonly S[],
  names: Names,
): ChannelsToLoad<S> {
  const channels = originalChannels(metrics);
  const extras: string[] = [];
  for (const input of rawInputs(metrics)) {
    for (const sensor of sensors) {
      if (canonicalName(sensor, names) !== input) continue;
      if (!channels.includes(sensor.name) && !extras.includes(sensor.name)) extras.push(sensor.name);
    }
  }
  const all = [...channels, ...extras];
  const wanted = new Set(all);
  const requested = all.length === 0 ? [...sensors] : sensors.filter((s) => wanted.has(s.name));
  return { channels: all, extras, sensors: requested };
}
