// The CLI: the cron fast path or yargs over the command registry. Loads config lazily (only commands that need it),
// maps typed errors to one-line messages and exit codes, and is the only place that decides the exit code.
import { redact } from '../api/redact.js';
import { type Config, loadConfig } from '../config/config.js';
import { AppError, ConfigError, ExitCode, UsageError } from '../errors.js';
import type { CliIo } from './command.js';
import { fastPath, helpFileOf } from './fast-path.js';
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
  try {
    const fast = fastPath(input.argv, helpFileOf(input.projectDir));
    if (fast?.kind === 'run') {
      const spec = commands.find((c) => c.command.split(' ')[0] === fast.command);
      if (spec) return await spec.run(fast.args, io);
    }
    const { parseWithYargs } = await import('./parse-with-yargs.js');
    return await parseWithYargs(input.argv, io);
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
