import path from 'node:path';
import { UsageError } from '../../errors.js';
import { parseIntOption } from '../args.js';
import type { CommandSpec } from '../command.js';

function rate(name: string, value: unknown): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new UsageError(`--${name} must be a number from 0 to 1, got "${String(value)}"`);
  return n;
}

export const devApiCommand: CommandSpec = {
  command: 'dev-api',
  describe: 'Run the stand-in Smart Citizen API on loopback (for trying flows, tests and benchmarks)',
  builder: (y) =>
    y
      .option('port', { type: 'string', default: '0', describe: 'Port (0: any free port)' })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'Address to listen on' })
      .option('devices', { type: 'string', default: '25', describe: 'Simulated fleet size' })
      .option('seed', { type: 'string', default: '1', describe: 'Seed of the simulated fleet' })
      .option('upstream-data', {
        type: 'string',
        describe: 'Folder with hardware/ blueprints/ calibrations/ names/',
      })
      .option('token', {
        type: 'string',
        default: 'dev-admin-token',
        describe: 'Admin bearer token it accepts',
      })
      .option('fault-5xx-rate', { type: 'string', default: '0', describe: 'Share of requests answered 5xx' })
      .option('fault-429-rate', { type: 'string', default: '0', describe: 'Share of requests answered 429' })
      .option('fault-drop-rate', { type: 'string', default: '0', describe: 'Share of connections dropped' })
      .option('latency-ms', { type: 'string', default: '0', describe: 'Added latency per request' })
      .option('fault-seed', { type: 'string', default: '1', describe: 'Seed of the fault sequence' }),
  run: async (args, io) => {
    const projectDir = io.projectDir;
    const options = {
      port: parseIntOption('port', args.port, 0, 65535),
      host: String(args.host),
      devices: parseIntOption('devices', args.devices, 0, 1_000_000),
      seed: parseIntOption('seed', args.seed, 0, 2 ** 31),
      upstreamDataDir: path.resolve(
        String(args.upstreamData ?? path.join(projectDir, '..', 'shared', 'upstream-data')),
      ),
      adminToken: String(args.token),
      fault5xxRate: rate('fault-5xx-rate', args.fault5xxRate),
      fault429Rate: rate('fault-429-rate', args.fault429Rate),
      faultDropRate: rate('fault-drop-rate', args.faultDropRate),
      latencyMs: parseIntOption('latency-ms', args.latencyMs, 0, 600_000),
      faultSeed: parseIntOption('fault-seed', args.faultSeed, 0, 2 ** 31),
    };
    const { runDevApi } = await import('../../commands/dev-api.js');
    await runDevApi(options, { stdout: io.stdout, signal: io.signal });
    return 0;
  },
};
