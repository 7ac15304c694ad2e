// The full CLI parser: yargs over the command registry (loaded only when the fast path does not apply).
import yargs from 'yargs';
import { UsageError } from '../errors.js';
import type { CliIo } from './command.js';
import { commands } from './registry.js';

/** Help is wrapped at a fixed width so that dist/help.json (captured at build time) matches it. */
export const HELP_WIDTH = 110;

/** Parse `argv` with yargs and run the chosen command; resolves to its exit code (0 for --help). */
export async function parseWithYargs(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const parser = yargs([...argv])
    .scriptName('scflows')
    .usage('$0 <command> [options]\n\nKeeps Smart Citizen post-processing running (see README.md).')
    .strict()
    .demandCommand(1, 'name a command (scflows --help lists them)')
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version(false)
    .exitProcess(false)
    .wrap(HELP_WIDTH)
    .fail((message, error) => {
      if (error) throw error;
      throw new UsageError(message ?? 'bad arguments');
    });
  for (const spec of commands) {
    parser.command(
      spec.command,
      spec.describe,
      (y) => spec.builder(y),
      async (args) => {
        exitCode = await spec.run(args as Record<string, unknown>, io);
      },
    );
  }
  await parser.parseAsync();
  return exitCode;
}
