// channel_names (spec §3.2): copy the raw column named by `channel` into the metric column.
import { has } from './kwargs.js';
import type { MetricFunction } from './types.js';

/** Copy column `kwargs.channel`; null channel is a warning, an absent column an error. */
export const channelNames: MetricFunction = (table, kwargs) => {
  if (!has(kwargs, 'channel')) return { status: 'ERROR_MISSING_INPUTS' };
  const channel = kwargs.channel;
  if (channel === null) return { status: 'WARNING_NULL_CHANNEL' };
  const column = typeof channel === 'string' ? table.columns.get(channel) : undefined;
  if (!column) return { status: 'ERROR_MISSING_CHANNEL' };
  return { status: 'SUCCESS', values: column.slice() };
};
