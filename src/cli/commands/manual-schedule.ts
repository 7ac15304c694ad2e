import { parseDeviceId, parseIntOption } from '../args.js';
import { type CommandSpec, contextOf } from '../command.js';
import { withScheduleFlags } from './schedule-options.js';

export const manualScheduleCommand: CommandSpec = {
  command: 'manual-schedule',
  describe: 'Schedule one device regardless of the API',
  builder: (y) =>
    withScheduleFlags(
      y
        .option('device', { type: 'string', demandOption: true, describe: 'Device id' })
        .option('interval-hours', { type: 'string', default: '24', describe: 'Run every H hours (1-24)' })
        .option('schedule', { type: 'string', describe: 'Cron expression instead of --interval-hours' })
        .option('force-first-run', { type: 'boolean', default: false, describe: 'Also run the device now' })
        .option('overwrite', { type: 'boolean', default: false, describe: 'Replace an existing entry' }),
    ),
  run: async (args, io) => {
    const device = parseDeviceId(args.device);
    const intervalHours = parseIntOption('interval-hours', args.intervalHours, 1, 24);
    const { manualSchedule } = await import('../../commands/manual-schedule.js');
    return manualSchedule(
      {
        device,
        intervalHours,
        schedule: args.schedule === undefined ? undefined : String(args.schedule),
        dryRun: Boolean(args.dryRun),
        queue: Boolean(args.queue),
        plan: Boolean(args.plan),
        forceFirstRun: Boolean(args.forceFirstRun),
        overwrite: Boolean(args.overwrite),
      },
      contextOf(io),
    );
  },
};
