// The CLI: yargs wiring over the command registry. Loads config lazily (only commands that need it),
// maps typed errors to one-line messages and exit codes, and is the only place that decides the exit code.
import yargs from 'yargs';
import { redact } from '../api/redact.js';
import { type Config, loadConfig } from '../config/config.js';
import { AppError, ConfigError, ExitCode, UsageError } from '../errors.js';
import type { CliIo } from './command.js';
import { commands } from './registry.js';

export interface MainInput {
  argv: string[];
  env: Readonly<Record<string, string | undefined>>;
  projectDir: string;
  execPath: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  signal: AbortSignal;
  now?: () => Date;
}

/** Run one scflows command line; resolves to the exit code. */
export async function main(input: MainInput): Promise<number> {
  let config: Config | undefined;
  const io: CliIo = {
    now: input.now ?? (() => new Date()),
    stdout: (line) => input.stdout(`${line}\n`),
    stderr: (line) => input.stderr(`${line}\n`),
    signal: input.signal,
    projectDir: input.projectDir,
    config: () => {
      config ??= loadConfig({ projectDir: input.projectDir, env: input.env, execPath: input.execPath });
      return config;
    },
  };
  let exitCode: number = ExitCode.ok;
  const parser = yargs(input.argv)
    .scriptName('scflows')
    .usage('$0 <command> [options]\n\nKeeps Smart Citizen post-processing running (see README.md).')
    .strict()
    .demandCommand(1, 'name a command (scflows --help lists them)')
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version(false)
    .exitProcess(false)
    .wrap(Math.min(110, process.stdout.columns || 110))
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
      [],
      false,
    );
    if (spec.aliases) parser.alias(spec.command.split(' ')[0] ?? spec.command, [...spec.aliases]);
  }
  try {
    await parser.parseAsync();
    return exitCode;
  } catch (error) {
    const secret = config?.bearer ?? input.env.SC_BEARER;
    if (error instanceof ConfigError) {
      io.stderr(redact(`scflows: configuration: ${error.message}`, secret));
    } else if (error instanceof AppError) {
      const hint = error instanceof UsageError ? ' (see scflows --help)' : '';
      io.stderr(redact(`scflows: ${error.message}${hint}`, secret));
    } else {
      const text = error instanceof Error ? error.message : String(error);
      io.stderr(redact(`scflows: internal error: ${text.split('\n')[0]}`, secret));
      return ExitCode.internal;
    }
    return (error as AppError).exitCode;
  }
}
