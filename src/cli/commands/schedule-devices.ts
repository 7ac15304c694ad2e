import { parseIntOption } from '../args.js';
import { type CommandSpec, contextOf } from '../command.js';
import { withScheduleFlags } from './schedule-options.js';

export const scheduleDevicesCommand: CommandSpec = {
  command: 'schedule-devices',
  describe: 'Ask the API which devices need processing and keep one cron entry per device',
  builder: (y) =>
    withScheduleFlags(
      y.option('interval-hours', {
        type: 'string',
        default: '3',
        describe: 'Run each device every H hours (1-24)',
      }),
    ),
  run: async (args, io) => {
    const intervalHours = parseIntOption('interval-hours', args.intervalHours, 1, 24);
    const { scheduleDevices } = await import('../../commands/schedule-devices.js');
    return scheduleDevices(
      { intervalHours, dryRun: Boolean(args.dryRun), queue: Boolean(args.queue), plan: Boolean(args.plan) },
      contextOf(io),
    );
  },
};
