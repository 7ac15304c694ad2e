import { parseDeviceId } from '../args.js';
import { type CommandSpec, contextOf } from '../command.js';

export const runDeviceCommand: CommandSpec = {
  command: 'run-device <id>',
  describe: "Process one device's new readings and post the results",
  builder: (y) =>
    y
      .positional('id', { type: 'string', describe: 'Device id' })
      .option('dry-run', {
        type: 'boolean',
        default: false,
        describe: 'Load and process, post and patch nothing',
      })
      .option('queue', {
        type: 'boolean',
        default: false,
        alias: 'celery',
        describe: 'Hand the run to the worker queue (needs the worker; not available yet)',
      })
      .option('json', { type: 'boolean', default: false, describe: 'Print the result as JSON' }),
  run: async (args, io) => {
    const device = parseDeviceId(args.id);
    const { runDeviceCommand: run } = await import('../../commands/run-device.js');
    return run(
      { device, dryRun: Boolean(args.dryRun), queue: Boolean(args.queue), json: Boolean(args.json) },
      contextOf(io),
    );
  },
};
