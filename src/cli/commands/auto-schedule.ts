import { parseIntOption } from '../args.js';
import { type CommandSpec, contextOf } from '../command.js';
import { withScheduleFlags } from './schedule-options.js';

export const autoScheduleCommand: CommandSpec = {
  command: 'auto-schedule',
  describe: 'Install the cron entry that runs schedule-devices every N days',
  builder: (y) =>
    withScheduleFlags(
      y
        .option('interval-days', {
          type: 'string',
          default: '1',
          describe: 'Run schedule-devices every N days (1-31)',
        })
        .option('task-interval-hours', {
          type: 'string',
          default: '3',
          describe: 'Interval of the device entries it creates (1-24)',
        })
        .option('schedule', { type: 'string', describe: 'Cron expression instead of --interval-days' })
        .option('force-first-run', {
          type: 'boolean',
          default: false,
          describe: 'Also run schedule-devices now',
        })
        .option('overwrite', {
          type: 'boolean',
          default: false,
          describe: 'Replace an existing scheduler entry',
        }),
    ),
  run: async (args, io) => {
    const intervalDays = parseIntOption('interval-days', args.intervalDays, 1, 31);
    const taskIntervalHours = parseIntOption('task-interval-hours', args.taskIntervalHours, 1, 24);
    const { autoSchedule } = await import('../../commands/auto-schedule.js');
    return autoSchedule(
      {
        intervalDays,
        taskIntervalHours,
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
