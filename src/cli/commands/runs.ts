import { parseDeviceId, parseIntOption } from '../args.js';
import { type CommandSpec, contextOf } from '../command.js';

export const runsCommand: CommandSpec = {
  command: 'runs',
  describe: 'Show the run history (newest first)',
  builder: (y) =>
    y
      .option('device', { type: 'string', describe: 'Only this device' })
      .option('limit', { type: 'string', default: '50', describe: 'At most N runs' })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON' }),
  run: async (args, io) => {
    const device = args.device === undefined ? undefined : parseDeviceId(args.device);
    const limit = parseIntOption('limit', args.limit, 1, 100_000);
    const { listRuns } = await import('../../commands/runs.js');
    return listRuns({ device, limit, json: Boolean(args.json) }, contextOf(io));
  },
};
